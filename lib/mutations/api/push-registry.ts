// Server only. Every function takes the acting API client first. Enterprise rows pushed as JSON go through the
// registry import's own row check, planner and writer (lib/mutations/registry/import.ts): a dry run plans and writes
// nothing; a commit writes every row or none, with its audit row, in one transaction.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { ApiError } from '@/lib/api/errors';
import { recordAudit } from '@/lib/audit';
import { getDb } from '@/lib/db/client';
import { ForbiddenError } from '@/lib/errors';
import { writeCheckedRows } from '@/lib/mutations/registry/import';
import { loadStoredState, loadUnitNames } from '@/lib/mutations/registry/store';
import { requireRegistryPlanId } from '@/lib/queries/registry/scope';
import type { Tx } from '@/lib/mutations/reporting/store';
import { can } from '@/lib/permissions';
import { checkRow, type CellValue, type ColumnMapping, type ImportField, type ListKind, type RowCheck } from '@/lib/registry/import-columns';
import { planImport, type ImportPlan } from '@/lib/registry/import-plan';
import { registryFieldNames, type RegistryPushInput } from '@/lib/schemas/api/requests';

export interface RegistryPushResult {
  mode: 'dryRun' | 'commit';
  committed: boolean;
  counts: ImportPlan['counts'];
  rows: ImportPlan['rows'];
}

/** JSON rows → the import's row checks: every field a row names is a column; row numbers count from 1. */
function checksOf(list: ListKind, rows: RegistryPushInput['rows'], units: Awaited<ReturnType<typeof loadUnitNames>>): RowCheck[] {
  const mapping: ColumnMapping = Object.fromEntries(registryFieldNames.map((f, i) => [f, i])) as ColumnMapping;
  return rows.map((row, i) => {
    const present = Object.fromEntries(Object.entries(mapping).filter(([f]) => (row as Record<string, unknown>)[f] !== undefined)) as ColumnMapping;
    const cells: CellValue[] = registryFieldNames.map((f) => (row as Record<ImportField, CellValue | undefined>)[f] ?? null);
    return checkRow(list, i + 1, cells, present, units);
  });
}

export async function pushRegistryRows(
  actor: Actor,
  input: RegistryPushInput,
  finish: (tx: Tx, result: RegistryPushResult) => Promise<void>,
): Promise<RegistryPushResult> {
  if (!can(actor, 'registry.import')) throw new ForbiddenError('该令牌无权推送企业名单', 'This token may not push enterprise lists');
  const list = input.list as ListKind;
  const db = await getDb();
  // The client's rows go into the current plan's registry (an API client has no unit): derived here, never sent.
  const planId = await requireRegistryPlanId(actor);
  const units = await loadUnitNames(db, planId);
  const checks = checksOf(list, input.rows, units);
  if (input.mode === 'dryRun') {
    const plan = planImport(list, checks, await loadStoredState(db, planId, list === 'enterprises' ? null : list));
    const out: RegistryPushResult = { mode: 'dryRun', committed: false, counts: plan.counts, rows: plan.rows };
    await db.$transaction((tx) => finish(tx, out));
    return out;
  }
  const preview = planImport(list, checks, await loadStoredState(db, planId, list === 'enterprises' ? null : list));
  const refused = preview.rows.filter((r) => r.outcome === 'refused');
  if (refused.length > 0) {
    throw new ApiError(
      'validation_failed',
      `有 ${refused.length} 行不能导入，请修正后重新推送（可先用 dryRun 查看）`,
      `${refused.length} rows cannot be imported; fix them and push again (dryRun shows them)`,
      `rows.${refused[0].row - 1}`,
      refused.slice(0, 50).map((r) => ({ path: `rows.${r.row - 1}`, message: { zh: r.details.join('；'), en: r.details.join('; ') } })),
    );
  }
  return db.$transaction(
    async (tx) => {
      const plan = await writeCheckedRows(tx, actor, planId, list, checks);
      await recordAudit(tx, actor, { event: 'registry.import.confirmed', targetType: 'registryList', targetId: list, reason: `api:${actor.api?.clientName ?? ''}`, after: { counts: plan.counts, source: 'api' } });
      const out: RegistryPushResult = { mode: 'commit', committed: true, counts: plan.counts, rows: plan.rows };
      await finish(tx, out);
      return out;
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}
