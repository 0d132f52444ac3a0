// Server only. Every function takes the acting user first. Fills a unit's monthly form with the registry's counts for
// the indicators the plan marks as counted from the registry: written through the form's own path (applyForm: the
// unit's permission, the submission's lock, version checks, soft checks, one audit row), as drafts with source
// `registry`, so they are submitted and reviewed like every typed figure. A slot already equal to the count, or no
// longer editable (submitted, approved), is left alone.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { systemClock, type Clock } from '@/lib/clock';
import { ForbiddenError } from '@/lib/errors';
import { applyForm, submitMonth, type SaveResult, type SubmitResult } from '@/lib/mutations/reporting/entry';
import type { Month } from '@/lib/periods';
import { getReportForm } from '@/lib/queries/reporting/form';
import { getRegistryFigures } from '@/lib/queries/registry/derived';
import { reportedRegistryKinds } from '@/lib/queries/registry/scope';
import type { SubmitMonthInput } from '@/lib/schemas/reporting';
import { REGISTRY_COMMENT } from '@/lib/registry/derived';
import type { ValueEntry } from '@/lib/reporting/form-plan';

export interface FillResult {
  /** Slots whose figure now equals the registry's count. */
  filled: number;
  /** Slots left alone because they can no longer be edited. */
  locked: number;
  saved: SaveResult | null;
}

/**
 * `onlyEmpty`: fill the slots with no figure yet and leave a stored one alone (the automatic fill on submit never
 * overwrites a figure typed before the indicator was marked: its difference stays shown).
 */
export async function fillRegistryFigures(actor: Actor, input: { month: Month; onlyEmpty?: boolean }, clock: Clock = systemClock): Promise<FillResult> {
  const unitId = actor.unitId;
  if (unitId === null) throw new ForbiddenError('您的账户未关联填报单位', 'Your account belongs to no reporting unit');
  const [figures, form] = await Promise.all([getRegistryFigures(actor, { reporterUnitId: unitId, month: input.month }), getReportForm(actor, { month: input.month }, clock)]);
  const entries: ValueEntry[] = [];
  let locked = 0;
  for (const ind of figures) {
    const items = form.indicators.find((i) => i.code === ind.code)?.items ?? [];
    for (const row of ind.rows) {
      const item = items.find((x) => x.subject.id === row.subjectUnitId && x.period === input.month && x.stage === 'final') ?? items.find((x) => x.subject.id === row.subjectUnitId && x.period === input.month);
      if (!item) continue;
      if (item.current && (input.onlyEmpty || item.current.value === row.comparison.registry)) continue;
      if (!item.editable) {
        locked += 1;
        continue;
      }
      entries.push({ key: item.key, value: String(row.comparison.registry), version: item.current?.version ?? 0, comment: REGISTRY_COMMENT });
    }
  }
  if (entries.length === 0) return { filled: 0, locked, saved: null };
  const saved = await applyForm(actor, unitId, input.month, entries, [], { source: 'registry', audit: { registry: figures.map((f) => f.code) } }, clock);
  return { filled: entries.length, locked, saved };
}

/**
 * 提交 on the monthly form: the registry-counted slots still empty are filled from the registry first (source
 * `registry`, one save through the form's path), then the month is submitted at the version that save left, so the
 * counts enter the same review as the typed figures. A unit reporting no such indicator submits as before.
 */
export async function submitMonthWithRegistry(actor: Actor, input: SubmitMonthInput, clock: Clock = systemClock): Promise<SubmitResult & { filled: number }> {
  let version = input.version;
  let filled = 0;
  if (actor.unitId !== null && (await reportedRegistryKinds(actor.unitId)).length > 0) {
    const result = await fillRegistryFigures(actor, { month: input.month, onlyEmpty: true }, clock);
    filled = result.filled;
    if (result.saved) version = result.saved.version;
  }
  return { ...(await submitMonth(actor, { month: input.month, version }, clock)), filled };
}
