// Pure: the registry import form (which list, preview or confirm, the previewed file's hash, the file, and the column
// mapping the user corrected, as JSON field → column index). `.strict()`. Messages are keys of `validation`.
import { z } from 'zod';
import { monthField } from '@/lib/schemas/reporting';
import { fieldsOf, listKinds, type ColumnMapping, type ImportField, type ListKind } from '@/lib/registry/import-columns';

/** What one server-action request may carry (next.config.js bodySizeLimit is 3 MB): larger lists go by the CLI. */
export const MAX_REGISTRY_UPLOAD_BYTES = 2_800_000;

const fileField = z.custom<File>((v) => typeof File !== 'undefined' && v instanceof File && v.size > 0, 'validation.fileEmpty');
const allFields = new Set<ImportField>(fieldsOf('enterprises').concat(fieldsOf('high_tech')));

const mappingField = z
  .string()
  .max(2000, 'validation.columnMapping')
  .optional()
  .transform((text, ctx): ColumnMapping | null => {
    if (!text) return null;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'validation.columnMapping' });
      return z.NEVER;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: 'validation.columnMapping' });
      return z.NEVER;
    }
    const out: ColumnMapping = {};
    const used = new Set<number>();
    for (const [field, index] of Object.entries(value)) {
      if (!allFields.has(field as ImportField) || !Number.isInteger(index) || (index as number) < 0 || (index as number) > 500 || used.has(index as number)) {
        ctx.addIssue({ code: 'custom', message: 'validation.columnMapping' });
        return z.NEVER;
      }
      used.add(index as number);
      out[field as ImportField] = index as number;
    }
    return out;
  });

export const registryImportFormSchema = z
  .object({
    list: z.enum(listKinds as [ListKind, ...ListKind[]], 'validation.required'),
    intent: z.enum(['preview', 'confirm'], 'validation.required'),
    fileHash: z
      .union([z.string().regex(/^[0-9a-f]{64}$/, 'validation.fileChanged'), z.literal('')])
      .optional()
      .transform((v) => v || undefined),
    file: fileField,
    mapping: mappingField,
  })
  .strict();
export type RegistryImportFormInput = z.output<typeof registryImportFormSchema>;

/** Filling the unit's form with the registry's counts for one month (the unit is the session's). */
export const fillRegistryFiguresSchema = z.object({ month: monthField }).strict();
