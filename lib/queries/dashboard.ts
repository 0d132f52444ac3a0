// Server only. Reads for the progress dashboards as plain DTOs. Few queries per page: the overview reads every
// district figure in one query, never one query per indicator.
import 'server-only';
import { cache } from 'react';
import { isSystemActor, type Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { ForbiddenError } from '@/lib/errors';
import type { TaskProgress, ValueStage, ValueStatus } from '@/lib/generated/prisma/enums';
import { addMonths, type Month } from '@/lib/periods';
import { currentDataVersions } from '@/lib/queries/data-version';
import { can } from '@/lib/permissions';

/**
 * The dashboards' figures and task words are for the roles that may see the dashboards (and the operator's scripts):
 * every read below checks it, and the page layer's memos check it before they answer from memory.
 */
export function assertDashboardViewer(viewer: Actor): void {
  if (!isSystemActor(viewer) && !can(viewer, 'dashboard.view')) throw new ForbiddenError();
}

/**
 * The version of the data the dashboards read, for keeping computed dashboards until it changes (lib/version-memo.ts):
 * the `dashboard` count of lib/queries/data-version.ts, so that sessions, sign-ins and the audit log do not throw the
 * computed dashboards away. Memoised per request.
 */
export const getDataVersion = cache(async (): Promise<string> => (await currentDataVersions()).dashboard);

export interface FigureDto {
  month: Month;
  value: number;
  stage: ValueStage;
  status: ValueStatus;
}

export interface DistrictFiguresDto {
  /** Approved figures, one per month (a final figure replaces a provisional one). */
  approved: FigureDto[];
  /** Submitted figures awaiting review, one per month, newer than or correcting the approved ones. */
  pending: FigureDto[];
}

const VISIBLE: ValueStatus[] = ['approved', 'submitted'];

/** Final over provisional within one month; rows already in month order. */
function onePerMonth(rows: FigureDto[]): FigureDto[] {
  const best = new Map<Month, FigureDto>();
  for (const row of rows) {
    const current = best.get(row.month);
    if (!current || (current.stage === 'provisional' && row.stage === 'final')) best.set(row.month, row);
  }
  return [...best.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/**
 * Every district-wide figure of a plan up to `asOf` (approved and pending apart), keyed by indicator code. One query;
 * memoised per request so that every widget of a page shares it.
 */
export const getDistrictFigures = cache(async (viewer: Actor, planId: string, regionUnitId: number, asOf: Month): Promise<Map<string, DistrictFiguresDto>> => {
  assertDashboardViewer(viewer);
  const db = await getDb();
  const rows = await db.indicatorValue.findMany({
    where: { unitId: regionUnitId, month: { lte: asOf }, status: { in: VISIBLE }, indicator: { planId } },
    select: { month: true, value: true, stage: true, status: true, indicator: { select: { code: true } } },
    orderBy: [{ month: 'asc' }],
  });
  const byCode = new Map<string, FigureDto[]>();
  for (const r of rows) {
    const list = byCode.get(r.indicator.code) ?? [];
    list.push({ month: r.month, value: Number(r.value), stage: r.stage, status: r.status });
    byCode.set(r.indicator.code, list);
  }
  return new Map(
    [...byCode].map(([code, list]) => [code, { approved: onePerMonth(list.filter((f) => f.status === 'approved')), pending: onePerMonth(list.filter((f) => f.status === 'submitted')) }]),
  );
});

export interface FigureRowDto extends FigureDto {
  source: string;
  isDemo: boolean;
  submittedAt: Date | null;
  approvedAt: Date | null;
}

/** One indicator's district figures up to `asOf`, newest first, every stage and visible status (for the table). */
export async function listIndicatorFigures(viewer: Actor, indicatorId: number, regionUnitId: number, asOf: Month): Promise<FigureRowDto[]> {
  assertDashboardViewer(viewer);
  const db = await getDb();
  const rows = await db.indicatorValue.findMany({
    where: { indicatorId, unitId: regionUnitId, month: { lte: asOf }, status: { in: VISIBLE } },
    select: { month: true, value: true, stage: true, status: true, source: true, isDemo: true, submittedAt: true, approvedAt: true },
    orderBy: [{ month: 'desc' }, { stage: 'asc' }],
  });
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

export interface BreakdownRowDto {
  unitId: number;
  name: string;
  nameEn: string | null;
  shortName: string | null;
  value: number | null;
  yearAgo: number | null;
  /** The unit's own share (任务分解) of the nearest district milestone, in force at the breakdown's month. */
  target: { year: number; value: number } | null;
}

export interface BreakdownGroupDto {
  groupId: number;
  groupName: string;
  groupNameEn: string | null;
  rows: BreakdownRowDto[];
}

export interface BreakdownDto {
  /** The latest month up to `asOf` with approved breakdown figures; null when there are none. */
  month: Month | null;
  groups: BreakdownGroupDto[];
}

/** An indicator's approved figures per member of its breakdown groups (towns, parks), at the latest month up to `asOf`. */
export async function getIndicatorBreakdown(viewer: Actor, indicatorId: number, asOf: Month): Promise<BreakdownDto> {
  assertDashboardViewer(viewer);
  const db = await getDb();
  const [latest, groups] = await Promise.all([
    db.indicatorValue.findFirst({
      where: { indicatorId, month: { lte: asOf }, status: 'approved', unit: { kind: { not: 'region' } } },
      orderBy: { month: 'desc' },
      select: { month: true },
    }),
    db.indicatorBreakdown.findMany({
      where: { indicatorId },
      include: { group: { include: { members: { orderBy: { position: 'asc' }, include: { unit: { select: { id: true, name: true, nameEn: true, shortName: true } } } } } } },
      orderBy: { group: { position: 'asc' } },
    }),
  ]);
  if (!latest || groups.length === 0) return { month: null, groups: [] };
  const yearAgo = addMonths(latest.month, -12);
  const [rows, shares] = await Promise.all([
    db.indicatorValue.findMany({
      where: { indicatorId, month: { in: [latest.month, yearAgo] }, status: 'approved', unit: { kind: { not: 'region' } } },
      select: { unitId: true, month: true, stage: true, value: true },
    }),
    db.targetShare.findMany({
      where: { indicatorId, effectiveFrom: { lte: latest.month }, year: { gte: Number(latest.month.slice(0, 4)) } },
      orderBy: [{ year: 'asc' }, { effectiveFrom: 'desc' }],
      select: { unitId: true, year: true, value: true },
    }),
  ]);
  const targetOf = (unitId: number) => {
    const year = shares[0]?.year;
    const share = shares.find((s) => s.unitId === unitId && s.year === year);
    return share ? { year: share.year, value: Number(share.value) } : null;
  };
  const pick = (unitId: number, month: Month) => {
    const matches = rows.filter((r) => r.unitId === unitId && r.month === month);
    const chosen = matches.find((r) => r.stage === 'final') ?? matches[0];
    return chosen ? Number(chosen.value) : null;
  };
  return {
    month: latest.month,
    groups: groups.map((b) => ({
      groupId: b.group.id,
      groupName: b.group.name,
      groupNameEn: b.group.nameEn,
      rows: b.group.members.map((m) => ({ unitId: m.unit.id, name: m.unit.name, nameEn: m.unit.nameEn, shortName: m.unit.shortName, value: pick(m.unit.id, latest.month), yearAgo: pick(m.unit.id, yearAgo), target: targetOf(m.unit.id) })),
    })),
  };
}

export interface UnitFigureDto {
  indicatorId: number;
  month: Month;
  value: number;
  /** The same unit's figure twelve months earlier, when there is one. */
  yearAgo: number | null;
}

/** A town's or park's own latest approved figure per indicator (its share of a breakdown), up to `asOf`. One query. */
export async function listUnitFigures(viewer: Actor, unitId: number, asOf: Month): Promise<Map<number, UnitFigureDto>> {
  assertDashboardViewer(viewer);
  const db = await getDb();
  const rows = await db.indicatorValue.findMany({
    where: { unitId, status: 'approved', month: { lte: asOf, gte: addMonths(asOf, -24) } },
    select: { indicatorId: true, month: true, stage: true, value: true },
    orderBy: [{ month: 'desc' }],
  });
  const out = new Map<number, UnitFigureDto>();
  for (const r of rows) {
    if (out.has(r.indicatorId)) continue;
    const before = rows.find((x) => x.indicatorId === r.indicatorId && x.month === addMonths(r.month, -12));
    out.set(r.indicatorId, { indicatorId: r.indicatorId, month: r.month, value: Number(r.value), yearAgo: before ? Number(before.value) : null });
  }
  return out;
}

export interface TaskProgressDto {
  taskId: number;
  month: Month;
  unitName: string;
  unitNameEn: string | null;
  /** The lead unit's own judgement that month. */
  progress: TaskProgress | null;
  narrative: string | null;
}

/**
 * Each task's latest approved progress report from its lead units (one per lead unit, from the latest month that has
 * any) up to `asOf`. One query for the whole plan.
 */
export async function listLatestTaskProgress(viewer: Actor, planId: string, asOf: Month): Promise<Map<number, TaskProgressDto[]>> {
  assertDashboardViewer(viewer);
  const db = await getDb();
  const rows = await db.taskReport.findMany({
    where: { task: { planId }, role: 'lead', status: 'approved', month: { lte: asOf } },
    select: { taskId: true, month: true, progress: true, narrative: true, unit: { select: { name: true, nameEn: true, position: true } } },
    orderBy: [{ month: 'desc' }],
  });
  const out = new Map<number, TaskProgressDto[]>();
  for (const r of rows) {
    const list = out.get(r.taskId) ?? [];
    if (list.length && list[0].month !== r.month) continue;
    list.push({ taskId: r.taskId, month: r.month, unitName: r.unit.name, unitNameEn: r.unit.nameEn, progress: r.progress, narrative: r.narrative });
    out.set(r.taskId, list);
  }
  return out;
}

export interface TaskHistoryDto {
  month: Month;
  unitId: number;
  unitName: string;
  unitNameEn: string | null;
  role: 'lead' | 'responsible';
  /** The lead unit's own judgement; responsible units give a note only. */
  progress: TaskProgress | null;
  text: string | null;
}

/** Every approved monthly word on one task, lead and responsible units alike, up to `asOf`, newest month first. */
export async function listTaskHistory(viewer: Actor, taskId: number, asOf: Month): Promise<TaskHistoryDto[]> {
  assertDashboardViewer(viewer);
  const db = await getDb();
  const rows = await db.taskReport.findMany({
    where: { taskId, status: 'approved', month: { lte: asOf } },
    select: { month: true, role: true, progress: true, narrative: true, note: true, unit: { select: { id: true, name: true, nameEn: true, position: true } } },
    orderBy: [{ month: 'desc' }, { role: 'asc' }, { unit: { position: 'asc' } }],
  });
  return rows.map((r) => ({ month: r.month, unitId: r.unit.id, unitName: r.unit.name, unitNameEn: r.unit.nameEn, role: r.role, progress: r.progress, text: r.narrative ?? r.note }));
}
