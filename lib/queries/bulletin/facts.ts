// Server only. What a month's bulletin states, read from APPROVED figures only (final over provisional), in a few
// queries: district figures, the clusters (tasks 7–11), each town's and park's figure against its share, tasks behind
// plan, and the reporting record.
import 'server-only';
import { getDb } from '@/lib/db/client';
import type { BehindTaskFact, ClusterFact, DisciplineFact, HeadlineFact, ShareTableFact } from '@/lib/bulletin/compose';
import type { FigureRef } from '@/lib/bulletin/types';
import { addMonths, makeMonth, parseMonth, type Month } from '@/lib/periods';
import { assessIndicator, deriveComputedSeries, type Observation } from '@/lib/progress';
import type { IndicatorDto, PlanDto } from '@/lib/queries/plan';
import { effectiveClosesAt, timeliness } from '@/lib/reporting/deadlines';
import { readReportingSettings, REPORTING_SETTING_KEY } from '@/lib/reporting/settings';

type Row = { indicatorId: number; unitId: number; month: string; stage: string; value: unknown };

/** Final over provisional within one (indicator, unit, month). */
export function approvedIndex(rows: Row[]): Map<string, number> {
  const out = new Map<string, { stage: string; value: number }>();
  for (const r of rows) {
    const key = `${r.indicatorId}|${r.unitId}|${r.month}`;
    const current = out.get(key);
    if (!current || (current.stage === 'provisional' && r.stage === 'final')) out.set(key, { stage: r.stage, value: Number(r.value) });
  }
  return new Map([...out].map(([k, v]) => [k, v.value]));
}

export interface HeadlineResult {
  facts: HeadlineFact[];
  figures: FigureRef[];
  /** The observations used, for the clusters' year-on-year. */
  series: Map<string, Observation[]>;
}

export async function readHeadline(plan: PlanDto, indicators: IndicatorDto[], month: Month, regionName: string): Promise<HeadlineResult> {
  const db = await getDb();
  const rows = await db.indicatorValue.findMany({
    where: { unitId: plan.regionUnitId, month: { lte: month }, status: 'approved', indicator: { planId: plan.id } },
    select: { indicatorId: true, unitId: true, month: true, stage: true, value: true },
    orderBy: { month: 'asc' },
  });
  const index = approvedIndex(rows);
  const series = new Map<string, Observation[]>();
  for (const ind of indicators) {
    const obs = [...index].filter(([k]) => k.startsWith(`${ind.id}|`)).map(([k, value]) => ({ month: k.split('|')[2], value }));
    series.set(ind.code, obs.sort((a, b) => a.month.localeCompare(b.month)));
  }
  for (const ind of indicators) {
    if (ind.kind === 'computed' && ind.formula) {
      const inputs = new Map([ind.formula.numerator, ind.formula.denominator].map((c) => [c, series.get(c) ?? []]));
      series.set(ind.code, deriveComputedSeries(ind.formula, ind.frequency, inputs));
    }
  }
  const headline = indicators.filter((i) => i.category !== 'task' && i.code !== 'resident_population');
  const figures: FigureRef[] = [];
  const facts = headline.map((ind): HeadlineFact => {
    const progress = assessIndicator(ind, series.get(ind.code) ?? [], month);
    const latest = progress.latest;
    if (latest) figures.push({ code: ind.code, indicatorName: ind.name, unitId: plan.regionUnitId, unitName: regionName, month: latest.month, value: latest.value, derived: ind.kind === 'computed' });
    return {
      name: ind.name,
      unit: ind.unit,
      decimals: ind.decimals,
      value: latest?.value ?? null,
      valueMonth: latest?.month ?? null,
      change: progress.change?.kind === 'delta' ? progress.change.value : null,
      yearOnYear: progress.yearOnYear?.delta ?? null,
      planned: progress.planned,
      milestones: ind.milestones.filter((m) => m.year === 2025 || m.year === 2027).map((m) => ({ year: m.year, text: m.text })),
      status: progress.status,
    };
  });
  return { facts, figures, series };
}

const CLUSTER_TASKS = [7, 8, 9, 10, 11];

export function clusterFacts(indicators: IndicatorDto[], tasks: { no: number; title: string; isOrganisation: boolean }[], series: Map<string, Observation[]>, month: Month): ClusterFact[] {
  return CLUSTER_TASKS.map((no) => {
    const task = tasks.find((t) => t.no === no && !t.isOrganisation);
    const rows = indicators
      .filter((i) => i.taskNos.includes(no))
      .map((i) => {
        const progress = assessIndicator(i, series.get(i.code) ?? [], month);
        return { name: i.name, unit: i.unit, decimals: i.decimals, value: progress.latest?.value ?? null, yearOnYear: progress.yearOnYear?.delta ?? null };
      });
    return { taskNo: no, title: task?.title ?? `任务${no}`, rows };
  }).filter((c) => c.rows.length > 0);
}

/** Each breakdown indicator per group: every member's approved figure of the month against its share in force. */
export async function readShareTables(plan: PlanDto, indicators: IndicatorDto[], month: Month): Promise<{ tables: ShareTableFact[]; figures: FigureRef[] }> {
  const db = await getDb();
  const withBreakdown = indicators.filter((i) => i.breakdownGroups.length > 0);
  const groupIds = [...new Set(withBreakdown.flatMap((i) => i.breakdownGroups.map((g) => g.id)))];
  const groups = await db.unitGroup.findMany({ where: { id: { in: groupIds } }, include: { members: { orderBy: { position: 'asc' }, include: { unit: { select: { id: true, name: true } } } } } });
  const unitIds = groups.flatMap((g) => g.members.map((m) => m.unit.id));
  const [rows, shares] = await Promise.all([
    db.indicatorValue.findMany({ where: { unitId: { in: unitIds }, indicatorId: { in: withBreakdown.map((i) => i.id) }, month, status: 'approved' }, select: { indicatorId: true, unitId: true, month: true, stage: true, value: true } }),
    db.targetShare.findMany({ where: { unitId: { in: unitIds }, indicatorId: { in: withBreakdown.map((i) => i.id) }, effectiveFrom: { lte: month } }, orderBy: { effectiveFrom: 'desc' } }),
  ]);
  const index = approvedIndex(rows);
  const year = parseMonth(month).year;
  const figures: FigureRef[] = [];
  const tables = withBreakdown.flatMap((ind) => {
    const milestoneYear = ind.milestones.map((m) => m.year).filter((y) => y >= year).sort()[0] ?? null;
    if (milestoneYear === null) return [];
    const districtTarget = ind.milestones.find((m) => m.year === milestoneYear)?.value ?? null;
    return ind.breakdownGroups.map((g): ShareTableFact => {
      const group = groups.find((x) => x.id === g.id)!;
      return {
        indicatorName: ind.name,
        unit: ind.unit,
        groupName: g.name,
        year: milestoneYear,
        districtTarget,
        rows: group.members.map((m) => {
          const value = index.get(`${ind.id}|${m.unit.id}|${month}`) ?? null;
          if (value !== null) figures.push({ code: ind.code, indicatorName: ind.name, unitId: m.unit.id, unitName: m.unit.name, month, value, derived: false });
          const share = shares.find((s) => s.indicatorId === ind.id && s.unitId === m.unit.id && s.year === milestoneYear);
          return { unitName: m.unit.name, value, share: share ? Number(share.value) : null };
        }),
      };
    });
  });
  return { tables, figures };
}

export async function readBehindTasks(planId: string, month: Month): Promise<BehindTaskFact[]> {
  const db = await getDb();
  const rows = await db.taskReport.findMany({
    where: { month, role: 'lead', status: 'approved', progress: 'behind', task: { planId } },
    select: { narrative: true, task: { select: { no: true, title: true } }, unit: { select: { name: true } } },
    orderBy: [{ task: { no: 'asc' } }, { unit: { position: 'asc' } }],
  });
  return rows.map((r) => ({ taskNo: r.task.no, title: r.task.title, unitName: r.unit.name, reason: r.narrative ?? '' }));
}

/** Late and missing units of the month (those with a reporting duty), and the units returned most this year. */
export async function readDiscipline(planId: string, month: Month, now: Date): Promise<DisciplineFact> {
  const db = await getDb();
  const yearStart = makeMonth(parseMonth(month).year, 1);
  const [units, reporters, leads, submissions, returns, setting] = await Promise.all([
    db.unit.findMany({ where: { planId, active: true }, select: { id: true, name: true }, orderBy: { position: 'asc' } }),
    db.indicatorReporter.findMany({ where: { unit: { planId } }, select: { unitId: true } }),
    db.taskParty.findMany({ where: { role: 'lead', unitId: { not: null }, task: { planId, isOrganisation: false } }, select: { unitId: true } }),
    db.submission.findMany({ where: { month, unit: { planId } }, select: { unitId: true, firstSubmittedAt: true, extendedUntil: true } }),
    db.valueEvent.findMany({
      where: { action: 'returned', OR: [{ value: { month: { gte: yearStart, lte: month }, indicator: { planId } } }, { taskReport: { month: { gte: yearStart, lte: month }, task: { planId } } }] },
      select: { value: { select: { reporterUnitId: true } }, taskReport: { select: { unitId: true } } },
    }),
    db.appSetting.findUnique({ where: { key: REPORTING_SETTING_KEY } }),
  ]);
  const settings = readReportingSettings(setting?.value);
  const duty = new Set([...reporters.map((r) => r.unitId), ...leads.map((l) => l.unitId!)]);
  const late: string[] = [];
  const missing: string[] = [];
  for (const u of units) {
    if (!duty.has(u.id)) continue;
    const s = submissions.find((x) => x.unitId === u.id);
    const t = timeliness(now, effectiveClosesAt({ month, dueDay: settings.dueDay, extendedUntil: s?.extendedUntil ?? null }), s?.firstSubmittedAt ?? null);
    if (t === 'late') late.push(u.name);
    if (t === 'missing') missing.push(u.name);
  }
  const counts = new Map<number, number>();
  for (const r of returns) {
    const id = r.value?.reporterUnitId ?? r.taskReport?.unitId;
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const returned = [...counts]
    .map(([id, count]) => ({ unitName: units.find((u) => u.id === id)?.name ?? String(id), count }))
    .sort((a, b) => b.count - a.count || a.unitName.localeCompare(b.unitName, 'zh-CN'))
    .slice(0, 5);
  return { late, missing, returned };
}

export const previousMonth = (month: Month) => addMonths(month, -1);
