// Server only. Every function takes the viewer first: here an API client with the read scope (lib/api/scope.ts),
// checked inside each query it reuses. Shapes the platform's DTOs into the API's answers (lib/schemas/api/responses).
import 'server-only';
import type { Actor } from '@/lib/actor';
import { encodeCursor } from '@/lib/api/cursor';
import { ApiError } from '@/lib/api/errors';
import { getDb } from '@/lib/db/client';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { monthOf, monthRange, type Month } from '@/lib/periods';
import { can, canReadPlan } from '@/lib/permissions';
import { getBulletin, listBulletins } from '@/lib/queries/bulletin/read';
import { listLatestTaskProgress } from '@/lib/queries/dashboard';
import { getCurrentPlan, listGroups, listIndicators, listTasks, listUnits, type TaskPartyDto } from '@/lib/queries/plan';
import { getRegistryCounts } from '@/lib/queries/registry/counts';
import { listEnterprises } from '@/lib/queries/registry/list';
import { dayInChina } from '@/lib/registry/dates';
import type { QualificationKind } from '@/lib/registry/validity';

const party = (p: TaskPartyDto) => ({ label: p.label, unitId: p.unit?.id ?? null, groupId: p.groupId });

export async function getPlanForApi(viewer: Actor) {
  const plan = await getCurrentPlan(viewer);
  const [units, groups, tasks, indicators] = await Promise.all([listUnits(viewer, plan.id), listGroups(viewer, plan.id), listTasks(viewer, plan.id), listIndicators(viewer, plan.id)]);
  return {
    plan,
    units: units.map((u) => ({ id: u.id, name: u.name, nameEn: u.nameEn, kind: u.kind, shortName: u.shortName, groups: u.groups })),
    groups,
    tasks: tasks.map((t) => ({ id: t.id, key: t.key, no: t.no, isOrganisation: t.isOrganisation, title: t.title, titleEn: t.titleEn, text: t.text, section: t.section, lead: t.lead.map(party), responsible: t.responsible.map(party), indicatorCodes: t.indicatorCodes })),
    indicators: indicators.map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      nameEn: i.nameEn,
      unit: i.unit,
      kind: i.kind,
      frequency: i.frequency,
      decimals: i.decimals,
      category: i.category,
      baseline: i.baseline,
      milestones: i.milestones,
      reporterUnitIds: i.reporters.map((r) => r.id),
      taskNos: i.taskNos,
    })),
  };
}

export interface ApprovedValuesQuery {
  indicator?: string;
  unit?: number;
  from?: Month;
  to?: Month;
  /** The id after which to continue (decoded cursor). */
  after?: number;
  limit: number;
}

/** Approved figures only, in id order: a page never changes once read, and new approvals land on later pages. */
export async function listApprovedValues(viewer: Actor, query: ApprovedValuesQuery) {
  if (!canReadPlan(viewer)) throw new ForbiddenError();
  const plan = await getCurrentPlan(viewer);
  const db = await getDb();
  const rows = await db.indicatorValue.findMany({
    where: {
      status: 'approved',
      indicator: { planId: plan.id, ...(query.indicator ? { code: query.indicator } : {}) },
      ...(query.unit ? { unitId: query.unit } : {}),
      ...(query.from || query.to ? { month: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lte: query.to } : {}) } } : {}),
      ...(query.after ? { id: { gt: query.after } } : {}),
    },
    orderBy: { id: 'asc' },
    take: query.limit + 1,
    select: { id: true, month: true, stage: true, value: true, source: true, approvedAt: true, reporterUnitId: true, indicator: { select: { id: true, code: true } }, unit: { select: { id: true, name: true } } },
  });
  const page = rows.slice(0, query.limit);
  return {
    data: page.map((r) => ({ ...r, value: Number(r.value), approvedAt: r.approvedAt?.toISOString() ?? null })),
    nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1].id) : null,
  };
}

export async function getTaskProgressForApi(viewer: Actor, asOf: Month) {
  const plan = await getCurrentPlan(viewer);
  const [tasks, progress] = await Promise.all([listTasks(viewer, plan.id), listLatestTaskProgress(viewer, plan.id, asOf)]);
  return {
    asOf,
    tasks: tasks.map((t) => ({ taskId: t.id, key: t.key, title: t.title, reports: (progress.get(t.id) ?? []).map((r) => ({ month: r.month, unitName: r.unitName, progress: r.progress, narrative: r.narrative })) })),
  };
}

export async function listPublishedBulletinsForApi(viewer: Actor) {
  const rows = await listBulletins(viewer);
  return { data: rows.filter((r) => r.status === 'published').map((r) => ({ month: r.month, issue: r.issue, publishedAt: r.publishedAt?.toISOString() ?? null })) };
}

export async function getPublishedBulletinForApi(viewer: Actor, month: Month, now: Date) {
  const b = await getBulletin(viewer, month, now);
  if (b.status !== 'published') throw new NotFoundError('该月没有已发布的月通报', 'No published bulletin for this month');
  return { month: b.month, publishedAt: b.publishedAt?.toISOString() ?? null, publishedByName: b.publishedByName, foreword: b.foreword, remarks: b.remarks, content: b.content as unknown as Record<string, unknown> };
}

/** At most ten years of months in one call. */
export const MAX_COUNT_MONTHS = 120;

export async function getRegistryCountsForApi(viewer: Actor, query: { kind?: string; from?: Month; to?: Month }, now: Date) {
  if (!can(viewer, 'registry.viewAll')) throw new ForbiddenError();
  const to = query.to ?? monthOf(now);
  const from = query.from ?? to;
  const months = monthRange(from, to);
  if (months.length > MAX_COUNT_MONTHS) throw new ApiError('invalid_request', `一次最多查询 ${MAX_COUNT_MONTHS} 个月`, `At most ${MAX_COUNT_MONTHS} months per call`, 'from');
  const kind = (query.kind ?? 'high_tech') as QualificationKind;
  const rows = await getRegistryCounts(viewer, kind, months);
  return { kind, data: rows.map((r) => ({ month: r.month, total: r.total, byUnit: Object.entries(r.byUnit).map(([unitId, count]) => ({ unitId: Number(unitId), count })) })) };
}

export async function listEnterprisesForApi(viewer: Actor, query: { town?: number; park?: number; holds?: string; page?: number }, now: Date) {
  if (!can(viewer, 'registry.viewAll')) throw new ForbiddenError();
  const result = await listEnterprises(viewer, { town: query.town, park: query.park, holds: query.holds, page: query.page }, dayInChina(now));
  return {
    page: result.page,
    pages: result.pages,
    total: result.total,
    data: result.rows.map((r) => ({ id: r.id, creditCode: r.creditCode, name: r.name, town: r.town, park: r.park, clusterTask: r.clusterTask, aboveScale: r.aboveScale, tier: r.tier, holds: r.holds, highTechUntil: r.highTechUntil })),
  };
}
