// Pure: indicators counted from the registry. The plan file marks an indicator with its rule (which qualification,
// counted how); its monthly figure for the district, a town or a park is then the registry's count, and any figure
// typed for the same slot is compared with it, never hidden. No I/O.
import type { Month } from '@/lib/periods';
import { lastDayOfMonth } from '@/lib/registry/dates';
import { holdsOn, type CountableFirm, type QualificationKind } from '@/lib/registry/validity';

/** The one counting rule so far: firms holding the qualification in force on the month's last day. */
export const registryRuleNames = ['in_force_on_month_end'] as const;
export type RegistryRuleName = (typeof registryRuleNames)[number];

export interface RegistryRule {
  kind: QualificationKind;
  rule: RegistryRuleName;
  /** Only firms marked 规上 (规模以上高新技术企业). */
  aboveScale?: boolean;
}

export type Subject = { kind: 'region' } | { kind: 'town' | 'park'; unitId: number };

export interface RuleFirm extends CountableFirm {
  aboveScale: boolean;
}

/** The rule's count for a subject in a month: the district counts every firm, a town or park its own. */
export function countByRule(firms: readonly RuleFirm[], rule: RegistryRule, month: Month, subject: Subject): number {
  const day = lastDayOfMonth(month);
  let n = 0;
  for (const f of firms) {
    if (rule.aboveScale && !f.aboveScale) continue;
    if (subject.kind === 'town' && f.townUnitId !== subject.unitId) continue;
    if (subject.kind === 'park' && f.parkUnitId !== subject.unitId) continue;
    if (holdsOn(f, rule.kind, day)) n += 1;
  }
  return n;
}

/** Firms counted per (town, park) cell, as the database groups them; a cell counts each firm once. */
export interface CellCount {
  townUnitId: number | null;
  parkUnitId: number | null;
  count: number;
}

/** A subject's count from the cells: the district all of them, a town or park the cells it is in. */
export function countFromCells(cells: readonly CellCount[], subject: Subject): number {
  let n = 0;
  for (const c of cells) {
    if (subject.kind === 'town' && c.townUnitId !== subject.unitId) continue;
    if (subject.kind === 'park' && c.parkUnitId !== subject.unitId) continue;
    n += c.count;
  }
  return n;
}

export type FigureSource = 'manual' | 'import' | 'computed' | 'registry' | 'api' | 'demo';

export interface Comparison {
  registry: number;
  /** The figure stored for the slot (typed, imported, demo or registry-filled), if any. */
  figure: { value: number; source: FigureSource; status: string } | null;
  /** figure − registry when the figure was not itself filled from the registry; null otherwise. */
  difference: number | null;
}

/** A registry-filled figure equal to the count is simply the count; anything else is shown with its difference. */
export function compare(registry: number, figure: Comparison['figure']): Comparison {
  if (figure === null) return { registry, figure, difference: null };
  const difference = figure.value - registry;
  return { registry, figure, difference: figure.source === 'registry' && difference === 0 ? null : difference };
}

/** The registry list behind a count: the list page filtered the same way, judged on the month's last day. */
export function listHref(rule: RegistryRule, subject: Subject, month: Month): string {
  const q = new URLSearchParams({ holds: rule.kind, on: lastDayOfMonth(month) });
  if (rule.aboveScale) q.set('aboveScale', 'yes');
  if (subject.kind === 'town') q.set('town', String(subject.unitId));
  if (subject.kind === 'park') q.set('park', String(subject.unitId));
  return `/enterprises?${q.toString()}`;
}

/** The note a registry-filled figure carries, so a soft check (a fall, a jump) has its explanation. */
export const REGISTRY_COMMENT = '由企业库按规则计算（月末有效）';
