// Server only. Every function takes the viewer first. Indicators counted from the registry (the plan's `registry`
// rule): the month's count for the district and each town or park of the indicator's breakdown, beside the figure
// stored for the same slot, with the difference. The count is the district's whole registry (the firms of the
// indicator's plan) whatever the viewer's registry scope: it is the reporting unit's figure, and who may see the
// figure is checked as for any figure.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import type { Month } from '@/lib/periods';
import { assertDashboardViewer } from '@/lib/queries/dashboard';
import { currentDataVersions } from '@/lib/queries/data-version';
import { assertCanViewUnit } from '@/lib/queries/reporting/access';
import { FIRST_DAY_YEAR } from '@/lib/registry/dates';
import { compare, countByRule, listHref, type Comparison, type RegistryRule, type RuleFirm, type Subject } from '@/lib/registry/derived';
import { loadPlanFirmsHolding } from '@/lib/queries/registry/counts';
import { createVersionMemo } from '@/lib/version-memo';

/**
 * The rule's count for a subject on a month's last day, from the plan's firms that hold (or held) the rule's kind,
 * loaded once for every month and slot (lib/queries/registry/counts.ts): the pure `countByRule` (in force: from
 * validFrom, through validUntil, before endedOn; a firm counted once however many rows). No registry day is before
 * FIRST_DAY_YEAR (isDay), so nothing is in force in an earlier month.
 */
function countOn(firms: readonly RuleFirm[], rule: RegistryRule, month: Month, subject: Subject): number {
  return Number(month.slice(0, 4)) < FIRST_DAY_YEAR ? 0 : countByRule(firms, rule, month, subject);
}

export interface RegistryFigureRow {
  subjectUnitId: number;
  subjectName: string;
  subject: Subject;
  comparison: Comparison;
  href: string;
}

export interface RegistryIndicatorFigures {
  indicatorId: number;
  code: string;
  name: string;
  unit: string;
  rule: RegistryRule;
  month: Month;
  rows: RegistryFigureRow[];
}

const registryIndicatorInclude = {
  plan: { select: { units: { where: { kind: 'region' }, select: { id: true, name: true } } } },
  breakdowns: { include: { group: { include: { members: { orderBy: { position: 'asc' }, include: { unit: { select: { id: true, name: true, kind: true } } } } } } } },
} as const;

async function figuresFor(indicatorIds: number[], month: Month, unitIds: number[]) {
  const db = await getDb();
  const rows = await db.indicatorValue.findMany({
    where: { indicatorId: { in: indicatorIds }, month, unitId: { in: unitIds } },
    select: { indicatorId: true, unitId: true, stage: true, value: true, source: true, status: true },
  });
  const best = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const key = `${r.indicatorId}|${r.unitId}`;
    const current = best.get(key);
    if (!current || (current.stage === 'provisional' && r.stage === 'final')) best.set(key, r);
  }
  return best;
}

/**
 * The registry-counted indicators a unit reports, for one month: each slot of its form (the district, and each town
 * or park of the breakdown) with the registry's count and the figure stored there. For the unit's own reporters and
 * for the bureau (the review queue shows the same).
 */
export async function getRegistryFigures(viewer: Actor, params: { reporterUnitId: number; month: Month }): Promise<RegistryIndicatorFigures[]> {
  assertCanViewUnit(viewer, params.reporterUnitId);
  const db = await getDb();
  const indicators = (
    await db.indicator.findMany({ where: { reporters: { some: { unitId: params.reporterUnitId } } }, orderBy: { position: 'asc' }, include: registryIndicatorInclude })
  ).filter((i) => i.registryRule !== null);
  if (indicators.length === 0) return [];
  const rules = indicators.map((i) => i.registryRule as unknown as RegistryRule);
  const held = await loadPlanFirmsHolding(indicators[0].planId, [...new Set(rules.map((r) => r.kind))]);
  const out: RegistryIndicatorFigures[] = indicators.map((ind, index) => {
    const rule = rules[index];
    const region = ind.plan.units[0];
    const members = ind.breakdowns.flatMap((b) => b.group.members.map((m) => m.unit)).filter((u) => u.kind === 'town' || u.kind === 'park');
    const subjects: { id: number; name: string; subject: Subject }[] = [
      ...(region ? [{ id: region.id, name: region.name, subject: { kind: 'region' } as Subject }] : []),
      ...members.map((u) => ({ id: u.id, name: u.name, subject: { kind: u.kind as 'town' | 'park', unitId: u.id } as Subject })),
    ];
    return {
      indicatorId: ind.id,
      code: ind.code,
      name: ind.name,
      unit: ind.unit,
      rule,
      month: params.month,
      rows: subjects.map((s) => ({ subjectUnitId: s.id, subjectName: s.name, subject: s.subject, comparison: compare(countOn(held, rule, params.month, s.subject), null), href: listHref(rule, s.subject, params.month) })),
    };
  });
  const stored = await figuresFor(
    out.map((i) => i.indicatorId),
    params.month,
    out.flatMap((i) => i.rows.map((r) => r.subjectUnitId)),
  );
  for (const ind of out) {
    for (const row of ind.rows) {
      const f = stored.get(`${ind.indicatorId}|${row.subjectUnitId}`);
      row.comparison = compare(row.comparison.registry, f ? { value: Number(f.value), source: f.source, status: f.status } : null);
    }
  }
  return out;
}

export interface RegistryComparisonView {
  rule: RegistryRule;
  rows: { month: Month; comparison: Comparison; href: string }[];
}

// Twelve grouped counts over the registry per indicator page: the same for every viewer allowed to see it, and
// unchanged until a write moves the dashboard data version (registry writes move it too), so it is computed once per
// version. Keyed by indicator and months; a handful of registry-counted indicators, a few months each.
const comparisonMemo = createVersionMemo<RegistryComparisonView | null>(16);

/** One indicator's district figures beside the registry's count, month by month (the indicator page). */
export async function getRegistryComparison(viewer: Actor, indicatorId: number, months: Month[]): Promise<RegistryComparisonView | null> {
  assertDashboardViewer(viewer);
  const { dashboard } = await currentDataVersions();
  return comparisonMemo.get(`${indicatorId}|${months.join(',')}`, dashboard, () => computeRegistryComparison(indicatorId, months));
}

async function computeRegistryComparison(indicatorId: number, months: Month[]): Promise<RegistryComparisonView | null> {
  const db = await getDb();
  const ind = await db.indicator.findUnique({ where: { id: indicatorId }, include: { plan: { select: { units: { where: { kind: 'region' }, select: { id: true } } } } } });
  if (!ind || ind.registryRule === null || !ind.plan.units[0]) return null;
  const rule = ind.registryRule as unknown as RegistryRule;
  const regionId = ind.plan.units[0].id;
  const held = await loadPlanFirmsHolding(ind.planId, [rule.kind]);
  const approved = await db.indicatorValue.findMany({ where: { indicatorId, unitId: regionId, month: { in: months }, status: 'approved' }, select: { month: true, stage: true, value: true, source: true, status: true } });
  return {
    rule,
    rows: months.map((month) => {
      const f = approved.find((a) => a.month === month && a.stage === 'final') ?? approved.find((a) => a.month === month) ?? null;
      return {
        month,
        comparison: compare(countOn(held, rule, month, { kind: 'region' }), f ? { value: Number(f.value), source: f.source, status: f.status } : null),
        href: listHref(rule, { kind: 'region' }, month),
      };
    }),
  };
}
