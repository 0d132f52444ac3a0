// Pure: plausible demo figures for every indicator of a plan, from 2023-01 to a given month. Deterministic (same plan,
// same month → same figures) and anchored on what Beibei has published: 484 national high-tech enterprises and
// 4,091 tech-based SMEs at the end of Q1 2025.
import type { IndicatorFile, PlanFile } from '@/lib/plan/plan-file-schema';
import { isReportingMonth, makeMonth, monthRange, parseMonth, type Month } from '@/lib/periods';
import { computeFormula } from '@/lib/indicator-formula';

export const DEMO_START: Month = '2023-01';

export interface DemoValue {
  code: string;
  unitName: string;
  reporterName: string;
  month: Month;
  stage: 'final' | 'provisional';
  value: number;
  status: 'approved' | 'submitted';
  source: 'demo' | 'computed';
}

/** Published or implied points a demo series must pass through: [fractional year, value]. */
const PUBLISHED_ANCHORS: Record<string, [number, number][]> = {
  high_tech_enterprises: [[2022.99, 285], [2025.24, 484], [2027.99, 598]],
  tech_smes: [[2022.99, 2800], [2025.24, 4091], [2027.99, 5480]],
  // A base for 万人发明专利, not a target: Beibei has about 84万 residents.
  resident_population: [[2022.99, 836_000], [2027.99, 842_000]],
};

function seededRandom(seed: string): () => number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const timeOf = (month: Month) => {
  const { year, month: m } = parseMonth(month);
  return year + (m - 0.01) / 12;
};

function interpolate(anchors: [number, number][], t: number, compound: boolean): number {
  const pts = [...anchors].sort((a, b) => a[0] - b[0]);
  let i = pts.findIndex(([x]) => x >= t);
  if (i <= 0) i = i === 0 ? 1 : pts.length - 1;
  const [x0, y0] = pts[i - 1];
  const [x1, y1] = pts[i];
  const f = (t - x0) / (x1 - x0);
  return compound && y0 > 0 && y1 > 0 ? y0 * Math.pow(y1 / y0, f) : y0 + (y1 - y0) * f;
}

function finalTarget(ind: IndicatorFile): number {
  return [...ind.milestones].sort((a, b) => b.year - a.year)[0].value;
}

/** The level path of one indicator: published anchors where we have them, otherwise a seeded start and pace. */
function levelPath(ind: IndicatorFile): (t: number) => number {
  const published = PUBLISHED_ANCHORS[ind.code];
  if (published) return (t) => interpolate(published, t, true);
  const rnd = seededRandom(ind.code);
  const target = finalTarget(ind);
  const performance = 0.82 + rnd() * 0.33; // 0.82–1.15 of the 2027 target: some ahead, some behind
  const startShare = 0.35 + rnd() * 0.25;
  const start = ind.baseline?.value ?? target * startShare;
  const cap = ind.unit === '%' ? 100 : Infinity;
  const anchors: [number, number][] = [[2022.99, start], [2027.99, Math.min(cap, target * performance)]];
  return (t) => Math.min(cap, interpolate(anchors, t, ind.trajectory === 'compound'));
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Splits an integer total over weights so that the parts add up exactly (largest remainder). */
export function splitInteger(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (rest-- <= 0) break;
    parts[i]++;
  }
  return parts;
}

/** Share of the parks in a district count: parks overlap towns, so their members do not add up to the district. */
const PARK_SHARE = 0.55;

export function generateDemoValues(plan: PlanFile, through: Month): DemoValue[] {
  const months = monthRange(DEMO_START, through);
  const out: DemoValue[] = [];
  const lastYear = parseMonth(through).year;
  const byCode = new Map(plan.indicators.map((i) => [i.code, i]));

  for (const [index, ind] of plan.indicators.entries()) {
    if (ind.kind === 'computed') continue; // derived below from its inputs
    const path = levelPath(ind);
    const rnd = seededRandom(`${ind.code}:noise`);
    const reporterName = ind.reportingUnits[0];
    const status = (month: Month): DemoValue['status'] => (month === through && index % 2 === 0 ? 'submitted' : 'approved');

    const district = (month: Month, value: number, stage: DemoValue['stage'] = 'final') =>
      out.push({ code: ind.code, unitName: plan.region, reporterName, month, stage, value, status: status(month), source: 'demo' });

    if (ind.kind === 'annual_ratio' || ind.kind === 'rank' || ind.frequency === 'annual') {
      // Lagged yearly figures: a year is published in the autumn of the next; the newest one is still provisional.
      for (let year = 2023; year < lastYear; year++) {
        const stage = year === lastYear - 1 ? 'provisional' : 'final';
        const value = ind.kind === 'rank' ? (rnd() < 0.75 ? 1 : 2) : round(path(year + 0.99) * (0.98 + rnd() * 0.04), ind.decimals);
        district(makeMonth(year, 12), value, stage);
      }
      continue;
    }

    for (const month of months) {
      if (!isReportingMonth(ind.frequency, month)) continue;
      const t = timeOf(month);
      let value: number;
      if (ind.kind === 'ytd_cumulative') {
        const { year, month: m } = parseMonth(month);
        const annual = path(year + 0.5);
        const seasonal = Math.pow(m / 12, 1.15); // output and contracts are back-loaded towards December
        value = annual * seasonal * (0.97 + rnd() * 0.06);
      } else {
        value = path(t) * (0.995 + rnd() * 0.01);
      }
      value = round(value, ind.decimals);
      district(month, value);

      if (ind.decimals === 0 && ind.breakdowns.length > 0) {
        for (const groupName of ind.breakdowns) {
          const group = plan.groups.find((g) => g.name === groupName)!;
          const isParks = plan.units.find((u) => u.name === group.members[0])?.kind === 'park';
          const weightRnd = seededRandom(`${ind.code}:${groupName}`);
          const weights = group.members.map(() => 0.3 + weightRnd() * 1.7);
          const parts = splitInteger(Math.round(isParks ? value * PARK_SHARE : value), weights);
          group.members.forEach((member, i) =>
            out.push({ code: ind.code, unitName: member, reporterName, month, stage: 'final', value: parts[i], status: status(month), source: 'demo' }),
          );
        }
      }
    }
  }

  // Computed indicators from the December figures of their inputs, at the inputs' stage.
  for (const ind of plan.indicators.filter((i) => i.kind === 'computed' && i.formula)) {
    const formula = ind.formula!;
    for (const v of out.filter((x) => x.code === formula.denominator && x.unitName === plan.region)) {
      const numerator = out.find((x) => x.code === formula.numerator && x.month === v.month && x.unitName === plan.region);
      if (!numerator || !byCode.has(ind.code)) continue;
      const value = computeFormula(formula, { [formula.numerator]: numerator.value, [formula.denominator]: v.value });
      if (value === null) continue;
      out.push({ ...v, code: ind.code, reporterName: ind.reportingUnits[0], value: round(value, ind.decimals), source: 'computed' });
    }
  }
  return out;
}
