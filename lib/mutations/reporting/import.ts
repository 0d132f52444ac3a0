// Server only. Every function takes the acting user first. Excel upload of a unit's month, confirmed: the same file
// as previewed (named by its sha256) is read again and every row written in one transaction, or none. Re-uploading a
// file already imported changes nothing: equal figures are "unchanged".
import 'server-only';
import type { Actor } from '@/lib/actor';
import { systemClock, type Clock } from '@/lib/clock';
import { applyForm, type SaveResult } from '@/lib/mutations/reporting/entry';
import { buildPreview, sha256, toEntries, type UploadedFile } from '@/lib/queries/reporting/import-preview';
import { ReportValidationError } from '@/lib/reporting/errors';
import { importConfirmSchema } from '@/lib/schemas/reporting';

/**
 * Writes the previewed file: the same bytes (sha256 as previewed), no rejected row, every row in one transaction.
 * A figure changed by someone since the download fails the whole import with "changed by X at T".
 */
export async function confirmImport(
  actor: Actor,
  input: { month: string; fileHash: string; file: UploadedFile },
  clock: Clock = systemClock,
): Promise<SaveResult & { fileHash: string }> {
  const parsedInput = importConfirmSchema.safeParse({ month: input.month, fileHash: input.fileHash });
  if (!parsedInput.success) throw new ReportValidationError({ file: ['validation.fileChanged'] });
  const { month, fileHash } = parsedInput.data;
  if (sha256(input.file.bytes) !== fileHash)
    throw new ReportValidationError(
      { file: ['validation.fileChanged'] },
      '文件与预览时不一致',
      'The file differs from the one previewed',
    );
  const { preview, parsed, def } = await buildPreview(actor, month, input.file, clock);
  if (preview.counts.reject > 0) {
    const fieldErrors: Record<string, string[]> = { file: ['validation.rejectedRows'] };
    for (const r of preview.rows.filter((x) => x.action === 'reject'))
      fieldErrors[`rows.${r.sheet}.${r.row}`] = r.reasons;
    throw new ReportValidationError(
      fieldErrors,
      '有行未通过校验，未导入任何数据',
      'Some rows were rejected; nothing was imported',
    );
  }
  const entries = toEntries(parsed, def);
  const result = await applyForm(
    actor,
    def.unit.id,
    month,
    entries.values,
    entries.tasks,
    { source: 'import', audit: { fileHash, fileName: input.file.name.slice(0, 200), rows: preview.rows.length } },
    clock,
  );
  return { ...result, fileHash };
}
