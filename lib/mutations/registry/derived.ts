// Server only. Every function takes the acting user first. Fills a unit's monthly form with the registry's counts for
// the indicators the plan marks as counted from the registry: written through the form's own path (applyForm: the
// unit's permission, the submission's lock, version checks, soft checks, one audit row), as drafts with source
// `registry`, so they are submitted and reviewed like every typed figure. A slot already equal to the count, or no
// longer editable (submitted, approved), is left alone.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { systemClock, type Clock } from '@/lib/clock';
import { ForbiddenError } from '@/lib/errors';
import { applyForm, type SaveResult } from '@/lib/mutations/reporting/entry';
import type { Month } from '@/lib/periods';
import { getReportForm } from '@/lib/queries/reporting/form';
import { getRegistryFigures } from '@/lib/queries/registry/derived';
import { REGISTRY_COMMENT } from '@/lib/registry/derived';
import type { ValueEntry } from '@/lib/reporting/form-plan';

export interface FillResult {
  /** Slots whose figure now equals the registry's count. */
  filled: number;
  /** Slots left alone because they can no longer be edited. */
  locked: number;
  saved: SaveResult | null;
}

export async function fillRegistryFigures(actor: Actor, input: { month: Month }, clock: Clock = systemClock): Promise<FillResult> {
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
      if (item.current && item.current.value === row.comparison.registry) continue;
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
