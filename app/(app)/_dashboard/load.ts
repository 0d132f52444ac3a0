// Server only (page layer). Composes the dashboard reads with the pure progress functions, once per request: every
// widget of a page calls these and React's `cache` makes them share one set of queries.
import { cache } from 'react';
import type { Actor } from '@/lib/actor';
import { requireSession } from '@/lib/auth/current-actor';
import { systemClock } from '@/lib/clock';
import { readMonthParam, type ResolvedMonth } from '@/lib/month-param';
import { lastClosedMonth, type Month } from '@/lib/periods';
import { assessIndicator, deriveComputedSeries, type IndicatorProgress, type Observation } from '@/lib/progress';
import {
  assertDashboardViewer,
  getDataVersion,
  getDistrictFigures,
  getIndicatorBreakdown,
  listIndicatorFigures,
  listLatestTaskProgress,
  type BreakdownDto,
  type DistrictFiguresDto,
  type FigureRowDto,
  type TaskProgressDto,
} from '@/lib/queries/dashboard';
import {
  getCurrentPlan,
  getUnit,
  listGroups,
  listIndicators,
  listTasks,
  listUnits,
  type GroupDto,
  type IndicatorDto,
  type PlanDto,
  type TaskDto,
  type UnitDetailDto,
  type UnitSummaryDto,
} from '@/lib/queries/plan';
import { isDomainError } from '@/lib/errors';
import { createVersionMemo } from '@/lib/version-memo';
import { getReportingRecord, listReportingRecords, type UnitYearDto } from '@/lib/queries/reporting/completeness';
import type { ReportingRecord } from '@/lib/reporting/rate';

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The latest month figures can exist for, by the injectable clock. */
export function latestMonth(): Month {
  return lastClosedMonth(systemClock());
}

/** The `?month=YYYY-MM` permalink, or the latest closed month with the reason the asked-for month was not used. */
export async function monthFrom(params: Record<string, string | string[] | undefined>): Promise<ResolvedMonth> {
  const plan = await currentPlan();
  return readMonthParam(params.month, latestMonth(), planStartMonth(plan));
}

/** The first month of the plan's period: months before it are outside the plan. */
export function planStartMonth(plan: PlanDto): Month {
  return `${plan.periodStart}-01` as Month;
}

export interface PlanSnapshot {
  plan: PlanDto;
  indicators: IndicatorDto[];
  tasks: TaskDto[];
  groups: GroupDto[];
}

// Process-wide, keyed by the database's data version: the plan and every figure change only when something is
// written, and recomputing them costs far more than a page render (about 150 ms on the embedded database).
const planMemo = createVersionMemo<PlanSnapshot>(2);
const dashboardMemo = createVersionMemo<DashboardData>(36);
const taskProgressMemo = createVersionMemo<Map<number, TaskProgressDto[]>>(36);
// An indicator page's table and breakdown: ~30 indicators × the months people look at.
const figureRowsMemo = createVersionMemo<FigureRowDto[]>(120);
const breakdownMemo = createVersionMemo<BreakdownDto>(120);
// A unit page's header: what the unit leads, shares and reports, read from the whole plan (about 40 ms).
const unitDetailMemo = createVersionMemo<UnitDetailDto | null>(64);
const unitListMemo = createVersionMemo<UnitSummaryDto[]>(2);
// Reporting records: a figure's approval changes the data version, but a deadline passing changes a month from
// pending to missing with no write at all, so these are also keyed by the minute (at most a minute late).
const unitRecordMemo = createVersionMemo<ReportingRecord & { missingMonths: Month[] }>(64);
const recordListMemo = createVersionMemo<UnitYearDto[]>(4);
const minute = () => Math.floor(systemClock().getTime() / 60_000);

/** The plan reads take the viewer; every page that uses this module has passed the gate for it already. */
const viewer = async () => (await requireSession()).actor;

/** The viewer of a dashboard read, checked before any memo answers from memory. */
export async function dashboardViewer() {
  const actor = await viewer();
  assertDashboardViewer(actor);
  return actor;
}

export const planSnapshot = cache(async (): Promise<PlanSnapshot> => {
  const [version, actor] = await Promise.all([getDataVersion(), viewer()]);
  return planMemo.get('plan', version, async () => {
    const plan = await getCurrentPlan(actor);
    const [indicators, tasks, groups] = await Promise.all([listIndicators(actor, plan.id), listTasks(actor, plan.id), listGroups(actor, plan.id)]);
    return { plan, indicators, tasks, groups };
  });
});

export const currentPlan = cache(async () => (await planSnapshot()).plan);

/** The lead units' latest progress reports of every task, as of a month. */
export const taskProgress = cache(async (asOf: Month): Promise<Map<number, TaskProgressDto[]>> => {
  const [version, { plan }, actor] = await Promise.all([getDataVersion(), planSnapshot(), dashboardViewer()]);
  return taskProgressMemo.get(asOf, version, () => listLatestTaskProgress(actor, plan.id, asOf));
});

export interface DashboardData {
  plan: PlanDto;
  asOf: Month;
  indicators: IndicatorDto[];
  byCode: Map<string, IndicatorDto>;
  figures: Map<string, DistrictFiguresDto>;
  /** The figures progress is judged on: approved ones, or for a computed indicator the ones derived from its inputs. */
  observations: Map<string, Observation[]>;
  progress: Map<string, IndicatorProgress>;
}

const toObservations = (figures: DistrictFiguresDto | undefined): Observation[] => figures?.approved.map(({ month, value }) => ({ month, value })) ?? [];

/**
 * Whether a month's dashboard data is computed already for the current data version. Pages then render their widgets
 * in the first pass (complete HTML, readable without JavaScript); otherwise the widgets stream in behind skeletons.
 */
export async function dashboardReady(asOf: Month, options: { tasks?: boolean } = {}): Promise<boolean> {
  const version = await getDataVersion();
  return (
    planMemo.peek('plan', version) !== undefined &&
    dashboardMemo.peek(asOf, version) !== undefined &&
    (!options.tasks || taskProgressMemo.peek(asOf, version) !== undefined)
  );
}

async function computeDashboard(actor: Actor, asOf: Month): Promise<DashboardData> {
  const { plan, indicators } = await planSnapshot();
  const figures = await getDistrictFigures(actor, plan.id, plan.regionUnitId, asOf);
  const observations = new Map<string, Observation[]>();
  for (const ind of indicators) {
    if (ind.kind === 'computed' && ind.formula) {
      const { numerator, denominator } = ind.formula;
      const inputs = new Map([numerator, denominator].map((code) => [code, toObservations(figures.get(code))]));
      observations.set(ind.code, deriveComputedSeries(ind.formula, ind.frequency, inputs));
    } else {
      observations.set(ind.code, toObservations(figures.get(ind.code)));
    }
  }
  const progress = new Map(indicators.map((ind) => [ind.code, assessIndicator(ind, observations.get(ind.code)!, asOf)]));
  return { plan, asOf, indicators, byCode: new Map(indicators.map((i) => [i.code, i])), figures, observations, progress };
}

/** Every indicator's figures and progress as of a month; shared by all widgets and kept until the data changes. */
export const loadDashboard = cache(async (asOf: Month): Promise<DashboardData> => {
  const [version, actor] = await Promise.all([getDataVersion(), dashboardViewer()]);
  return dashboardMemo.get(asOf, version, () => computeDashboard(actor, asOf));
});

/** One indicator's district figures for its table (newest first), kept until the data changes. */
export const indicatorFigureRows = cache(async (indicatorId: number, regionUnitId: number, asOf: Month): Promise<FigureRowDto[]> => {
  const [version, actor] = await Promise.all([getDataVersion(), dashboardViewer()]);
  return figureRowsMemo.get(`${indicatorId}:${regionUnitId}:${asOf}`, version, () => listIndicatorFigures(actor, indicatorId, regionUnitId, asOf));
});

/** One indicator's breakdown by town and park, kept until the data changes. */
export const indicatorBreakdown = cache(async (indicatorId: number, asOf: Month): Promise<BreakdownDto> => {
  const [version, actor] = await Promise.all([getDataVersion(), dashboardViewer()]);
  return breakdownMemo.get(`${indicatorId}:${asOf}`, version, () => getIndicatorBreakdown(actor, indicatorId, asOf));
});

/** A unit of the current plan with its tasks and indicators, or null when there is none; kept until the data changes. */
export const unitDetail = cache(async (unitId: number): Promise<UnitDetailDto | null> => {
  const [version, plan, actor] = await Promise.all([getDataVersion(), currentPlan(), viewer()]);
  return unitDetailMemo.get(String(unitId), version, () =>
    getUnit(actor, plan.id, unitId).catch((error: unknown) => {
      if (isDomainError(error)) return null;
      throw error;
    }),
  );
});

/** Every unit of the current plan (the units page), kept until the data changes. */
export const planUnits = cache(async (): Promise<UnitSummaryDto[]> => {
  const [version, plan, actor] = await Promise.all([getDataVersion(), currentPlan(), viewer()]);
  return unitListMemo.get(plan.id, version, () => listUnits(actor, plan.id));
});

/** One unit's reporting record for a year (the unit page), kept until the data changes or the minute turns. */
export const unitReportingRecord = cache(async (unitId: number, year: number) => {
  const [version, plan] = await Promise.all([getDataVersion(), currentPlan(), dashboardViewer()]);
  return unitRecordMemo.get(`${unitId}|${year}|${minute()}`, version, () => getReportingRecord(plan.id, unitId, year));
});

/** Every unit's reporting record for a year (the units list), for a viewer who may see them all; checked first. */
export async function allReportingRecords(actor: Actor, year: number): Promise<UnitYearDto[]> {
  const [version, plan] = await Promise.all([getDataVersion(), currentPlan()]);
  // listReportingRecords checks the viewer itself; on a memo hit the page's own check (reporting.viewAllUnits) holds.
  return recordListMemo.get(`${year}|${minute()}`, version, () => listReportingRecords(actor, { planId: plan.id, year }));
}
