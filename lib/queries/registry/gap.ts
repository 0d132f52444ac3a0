// Server only. Every function takes the viewer first. Closing the gap: the dashboards' required pace for 国家高新技术企业
// (lib/progress, from the approved district figures) and the registry's expiry forecast give the certificates needed
// per quarter; the registry's candidates (firms without a certificate in force that meet the 高新 criteria, or come
// near) say whether the pipeline can close it, by town and park, and which firms to visit first.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { monthOfDay, type Day } from '@/lib/registry/dates';
import { expiringFirms, forecastByQuarter, nextQuarters } from '@/lib/registry/forecast';
import { gapPlans, type GapPlan } from '@/lib/registry/gap';
import type { CandidateAssessment, HighTechCriteria } from '@/lib/registry/high-tech-criteria';
import { isInForce } from '@/lib/registry/validity';
import { assessIndicator } from '@/lib/progress';
import { getDistrictFigures } from '@/lib/queries/dashboard';
import { getCurrentPlan, listIndicators } from '@/lib/queries/plan';
import { loadAssessedFirms, type AssessedFirm } from '@/lib/queries/registry/candidates';
import { tierOf } from '@/lib/registry/tier';

export const HIGH_TECH_INDICATOR = 'high_tech_enterprises';
/** Firms on the visit list shown; the counts cover them all. */
const VISIT_LIST = 50;

export interface GapUnitRow {
  id: number;
  name: string;
  kind: 'town' | 'park';
  inForce: number;
  expiring: number;
  eligible: number;
  near: number;
}

export interface GapDto {
  today: Day;
  criteria: HighTechCriteria | null;
  /** The dashboard's latest approved district figure, or null when there is none. */
  latest: { month: string; value: number } | null;
  registryInForce: number;
  plans: GapPlan[];
  /** Milestones whose year has ended: the dashboard's verdict (met, missed, awaiting its figure). */
  past: { year: number; text: string; actual: number | null; outcome: string }[];
  units: GapUnitRow[];
  totals: { eligible: number; near: number; unknown: number };
  visits: { id: number; creditCode: string; name: string; town: string | null; park: string | null; tier: string; lapsed: boolean; assessment: CandidateAssessment }[];
}

const tierRank: Record<string, number> = { cultivation: 0, tech_sme: 1, none: 2 };

/** Eligible before near; the 培优库 before tech SMEs before the rest; the closest first; then the larger. */
function visitOrder(a: AssessedFirm & { tier: string }, b: AssessedFirm & { tier: string }): number {
  const v = (f: AssessedFirm) => (f.assessment.verdict === 'eligible' ? 0 : 1);
  return v(a) - v(b) || (tierRank[a.tier] ?? 3) - (tierRank[b.tier] ?? 3) || (b.assessment.closeness ?? 0) - (a.assessment.closeness ?? 0) || (b.latestRevenue ?? 0) - (a.latestRevenue ?? 0) || a.id - b.id;
}

export async function getGap(viewer: Actor, today: Day): Promise<GapDto> {
  const [{ firms, criteria }, plan] = await Promise.all([loadAssessedFirms(viewer, today), getCurrentPlan(viewer)]);
  const [indicators, figures] = await Promise.all([listIndicators(viewer, plan.id), getDistrictFigures(viewer, plan.id, plan.regionUnitId, monthOfDay(today))]);
  const indicator = indicators.find((i) => i.code === HIGH_TECH_INDICATOR) ?? null;
  const observations = figures.get(HIGH_TECH_INDICATOR)?.approved.map(({ month, value }) => ({ month, value })) ?? [];
  const progress = indicator ? assessIndicator(indicator, observations, monthOfDay(today)) : null;

  const certified = (f: AssessedFirm) => f.qualifications.some((q) => q.kind === 'high_tech' && isInForce(q, today));
  const holding = firms.filter(certified);
  const quarters = nextQuarters(today, 8);
  const expiring = expiringFirms(holding, today, quarters);
  const forecast = forecastByQuarter(holding.length, expiring, quarters);

  const candidates = firms.filter((f) => !certified(f)).map((f) => ({ ...f, tier: tierOf(f, today) }));
  const eligible = candidates.filter((f) => f.assessment.verdict === 'eligible');
  const near = candidates.filter((f) => f.assessment.verdict === 'near');
  const latest = progress?.latest ?? null;
  const plans =
    progress && latest
      ? gapPlans(
          latest.value,
          progress.paces.map((p) => ({ year: p.year, threshold: p.threshold, met: p.met, requiredPerMonth: p.required })),
          forecast,
          { eligible: eligible.length, near: near.length },
        )
      : [];

  const units = new Map<number, GapUnitRow>();
  const unitOf = (id: number | null, name: string | null, kind: 'town' | 'park') => {
    if (id === null) return null;
    if (!units.has(id)) units.set(id, { id, name: name ?? '', kind, inForce: 0, expiring: 0, eligible: 0, near: 0 });
    return units.get(id)!;
  };
  const each = (f: AssessedFirm, fn: (row: GapUnitRow) => void) => {
    for (const row of [unitOf(f.townUnitId, f.town, 'town'), unitOf(f.parkUnitId, f.park, 'park')]) if (row) fn(row);
  };
  for (const f of holding) each(f, (r) => (r.inForce += 1));
  const expiringIds = new Set(expiring.map((e) => e.id));
  for (const f of holding) if (expiringIds.has(f.id)) each(f, (r) => (r.expiring += 1));
  for (const f of eligible) each(f, (r) => (r.eligible += 1));
  for (const f of near) each(f, (r) => (r.near += 1));

  const lapsed = (f: AssessedFirm) => f.qualifications.some((q) => q.kind === 'high_tech' && q.validFrom <= today);
  return {
    today,
    criteria,
    latest,
    registryInForce: holding.length,
    plans,
    past: (progress?.milestones ?? [])
      .filter((m) => `${m.year}-12` < monthOfDay(today))
      .map((m) => ({ year: m.year, text: indicator?.milestones.find((x) => x.year === m.year)?.text ?? '', actual: m.actual, outcome: m.outcome })),
    units: [...units.values()].sort((a, b) => (a.kind === b.kind ? b.eligible + b.near - (a.eligible + a.near) || a.id - b.id : a.kind === 'town' ? -1 : 1)),
    totals: { eligible: eligible.length, near: near.length, unknown: candidates.filter((f) => f.assessment.verdict === 'unknown').length },
    visits: [...eligible, ...near]
      .sort(visitOrder)
      .slice(0, VISIT_LIST)
      .map((f) => ({ id: f.id, creditCode: f.creditCode, name: f.name, town: f.town, park: f.park, tier: f.tier, lapsed: lapsed(f), assessment: f.assessment })),
  };
}
