// Server only. The building blocks of a unit's monthly form, read through any client (the process database or a
// transaction): what the plan asks of the unit, what is stored, and the previous figures to compare with. Shared by
// lib/queries/reporting.ts (pages) and lib/mutations/reporting*.ts (writes, inside their transaction), so that a page
// and a save always agree on what the form contains.
import 'server-only';
import { NotFoundError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Comparator, Frequency, UnitKind, ValueStage, ValueStatus } from '@/lib/generated/prisma/enums';
import { addMonths, makeMonth, parseMonth, type Month } from '@/lib/periods';
import { expectedItems, expectedTasks, previousPeriod, type ExpectedTask, type LaggedFigureState, type ReportableIndicator, type ReportableTask } from '@/lib/reporting/expected';
import { canonicalFigure } from '@/lib/reporting/figures';
import type { FormItem, StoredItem, StoredTask } from '@/lib/reporting/form-plan';
import { itemKey } from '@/lib/reporting/keys';
import { readReportingSettings, REPORTING_SETTING_KEY, type ReportingSettings } from '@/lib/reporting/settings';

export type Client = Prisma.TransactionClient;

export interface UnitRef {
  id: number;
  name: string;
  kind: UnitKind;
}

export interface IndicatorMeta extends ReportableIndicator {
  name: string;
  nameEn: string;
  unit: string;
  decimals: number;
  position: number;
  milestones: { year: number; value: number; comparator: Comparator; text: string }[];
  reporters: UnitRef[];
}

export interface TaskMeta extends ReportableTask {
  no: number;
  title: string;
  leadLabels: string[];
}

/** What the plan asks of every unit: indicators with their reporters and breakdowns, key tasks with their parties. */
export interface PlanStructure {
  planId: string;
  periodStart: number;
  periodEnd: number;
  region: UnitRef;
  units: Map<number, UnitRef>;
  indicators: IndicatorMeta[];
  tasks: TaskMeta[];
}

/** Reads in parallel: pass the process database, not a transaction (one connection runs one query at a time). */
export async function loadPlanStructure(client: Client, planId: string): Promise<PlanStructure> {
  const [plan, units, groups, indicators, tasks] = await Promise.all([
    client.plan.findUnique({ where: { id: planId }, select: { id: true, periodStart: true, periodEnd: true } }),
    client.unit.findMany({ where: { planId }, select: { id: true, name: true, kind: true, position: true }, orderBy: { position: 'asc' } }),
    client.unitGroup.findMany({ where: { planId }, select: { id: true, name: true, members: { select: { unitId: true }, orderBy: { position: 'asc' } } } }),
    client.indicator.findMany({
      where: { planId },
      orderBy: { position: 'asc' },
      select: {
        id: true,
        code: true,
        name: true,
        nameEn: true,
        unit: true,
        kind: true,
        frequency: true,
        decimals: true,
        lagged: true,
        position: true,
        milestones: { orderBy: { year: 'asc' }, select: { year: true, value: true, comparator: true, text: true } },
        reporters: { orderBy: { position: 'asc' }, select: { unitId: true } },
        breakdowns: { select: { groupId: true } },
      },
    }),
    client.task.findMany({
      where: { planId },
      orderBy: [{ isOrganisation: 'asc' }, { no: 'asc' }],
      select: { id: true, no: true, title: true, isOrganisation: true, parties: { orderBy: { position: 'asc' }, select: { role: true, label: true, unitId: true, groupId: true } } },
    }),
  ]);
  if (!plan) throw new NotFoundError('规划不存在', 'No such plan');
  const unitMap = new Map(units.map((u) => [u.id, { id: u.id, name: u.name, kind: u.kind }]));
  const region = units.find((u) => u.kind === 'region');
  if (!region) throw new NotFoundError('规划缺少区域单位', 'The plan has no region unit');
  const groupMap = new Map(groups.map((g) => [g.id, { name: g.name, memberIds: g.members.map((m) => m.unitId) }]));
  const resolve = (parties: { unitId: number | null; groupId: number | null }[]) => [
    ...new Set(parties.flatMap((p) => (p.unitId !== null ? [p.unitId] : p.groupId !== null ? (groupMap.get(p.groupId)?.memberIds ?? []) : []))),
  ];
  return {
    planId: plan.id,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    region: { id: region.id, name: region.name, kind: region.kind },
    units: unitMap,
    indicators: indicators.map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      nameEn: i.nameEn,
      unit: i.unit,
      kind: i.kind,
      frequency: i.frequency,
      decimals: i.decimals,
      lagged: i.lagged,
      position: i.position,
      milestones: i.milestones.map((m) => ({ year: m.year, value: Number(m.value), comparator: m.comparator, text: m.text })),
      reporters: i.reporters.map((r) => unitMap.get(r.unitId)!).filter(Boolean),
      primaryReporterId: i.reporters[0]?.unitId ?? null,
      breakdowns: i.breakdowns
        .map((b) => ({ groupId: b.groupId, groupName: groupMap.get(b.groupId)?.name ?? '', memberIds: groupMap.get(b.groupId)?.memberIds ?? [] }))
        .sort((a, b) => a.groupId - b.groupId),
    })),
    tasks: tasks.map((t) => ({
      id: t.id,
      no: t.no,
      title: t.title,
      isOrganisation: t.isOrganisation,
      leadLabels: t.parties.filter((p) => p.role === 'lead').map((p) => p.label),
      leadUnitIds: resolve(t.parties.filter((p) => p.role === 'lead')),
      responsibleUnitIds: resolve(t.parties.filter((p) => p.role === 'responsible')),
    })),
  };
}

// The plan structure changes only when a plan is loaded or units and groups are edited, but is needed by every
// save: it is cached per database client and revalidated by a one-row fingerprint of everything it is built from.
const structureCache = new WeakMap<object, Map<string, { fingerprint: string; structure: PlanStructure }>>();

async function structureFingerprint(client: Client, planId: string): Promise<string | null> {
  const rows = await client.$queryRaw<{ fp: string }[]>`
    SELECT concat_ws('|', p."version", p."loadedAt",
      (SELECT count(*) || ':' || coalesce(sum(hashtext(u."id" || u."name" || u."kind" || u."active")), 0) FROM "Unit" u WHERE u."planId" = p."id"),
      (SELECT count(*) || ':' || coalesce(sum(hashtext(m."groupId" || ':' || m."unitId" || ':' || m."position")), 0)
         FROM "UnitGroupMember" m JOIN "UnitGroup" g ON g."id" = m."groupId" WHERE g."planId" = p."id"),
      (SELECT count(*) || ':' || coalesce(sum(hashtext(b."indicatorId" || ':' || b."groupId")), 0)
         FROM "IndicatorBreakdown" b JOIN "Indicator" i ON i."id" = b."indicatorId" WHERE i."planId" = p."id"),
      (SELECT count(*) || ':' || coalesce(sum(hashtext(r."indicatorId" || ':' || r."unitId" || ':' || r."position")), 0)
         FROM "IndicatorReporter" r JOIN "Indicator" i ON i."id" = r."indicatorId" WHERE i."planId" = p."id"),
      (SELECT count(*) || ':' || coalesce(sum(hashtext(tp."id" || ':' || coalesce(tp."unitId", 0) || ':' || coalesce(tp."groupId", 0) || tp."role")), 0)
         FROM "TaskParty" tp JOIN "Task" t ON t."id" = tp."taskId" WHERE t."planId" = p."id"),
      (SELECT count(*) || ':' || coalesce(sum(hashtext(i."id" || i."code" || i."kind" || i."frequency" || i."decimals" || i."lagged" || i."unit" || i."version")), 0)
         FROM "Indicator" i WHERE i."planId" = p."id")
    ) AS fp FROM "Plan" p WHERE p."id" = ${planId}`;
  return rows[0]?.fp ?? null;
}

/** The plan structure through the process database, cached while nothing it is built from has changed. */
export async function getPlanStructure(db: Client, planId: string): Promise<PlanStructure> {
  const fingerprint = await structureFingerprint(db, planId);
  if (fingerprint === null) throw new NotFoundError('规划不存在', 'No such plan');
  let byPlan = structureCache.get(db);
  if (!byPlan) structureCache.set(db, (byPlan = new Map()));
  const hit = byPlan.get(planId);
  if (hit?.fingerprint === fingerprint) return hit.structure;
  const structure = await loadPlanStructure(db, planId);
  byPlan.set(planId, { fingerprint, structure });
  return structure;
}

export async function loadReportingSettings(client: Client): Promise<ReportingSettings & { version: number }> {
  const row = await client.appSetting.findUnique({ where: { key: REPORTING_SETTING_KEY } });
  return { ...readReportingSettings(row?.value), version: row?.version ?? 0 };
}

/**
 * The first month the platform asks for: the configured one, else the month of the plan's earliest report (the
 * platform went live then; months before it are never "missing"), else none yet (null: nothing is expected).
 */
export async function loadFirstReportingMonth(client: Client, structure: Pick<PlanStructure, 'planId' | 'periodStart'>, settings: ReportingSettings): Promise<Month | null> {
  if (settings.firstMonth) return settings.firstMonth;
  const earliest = await client.submission.findFirst({ where: { unit: { planId: structure.planId } }, orderBy: { month: 'asc' }, select: { month: true } });
  if (!earliest) return null;
  const planStart = makeMonth(structure.periodStart, 1);
  return earliest.month < planStart ? planStart : earliest.month;
}

export function isPlanMonth(structure: Pick<PlanStructure, 'periodStart' | 'periodEnd'>, month: Month): boolean {
  const { year } = parseMonth(month);
  return year >= structure.periodStart && year <= structure.periodEnd;
}

export interface FormDefinition {
  structure: PlanStructure;
  unit: UnitRef;
  month: Month;
  items: FormItem[];
  itemMap: Map<string, FormItem>;
  tasks: ExpectedTask[];
  taskMap: Map<number, ExpectedTask>;
  /** Co-reported indicators: named for this unit, but the district figure is another unit's to report. */
  shared: IndicatorMeta[];
}

/**
 * Stored state of the lagged yearly figures of a plan, by reporting unit (the primary reporter), for the
 * pending-final items of the forms. One query for every unit.
 */
export async function loadLaggedStates(client: Client, structure: PlanStructure, unitId?: number): Promise<Map<number, LaggedFigureState[]>> {
  const lagged = structure.indicators.filter((i) => i.lagged && i.primaryReporterId !== null && (unitId === undefined || i.primaryReporterId === unitId));
  const out = new Map<number, LaggedFigureState[]>();
  if (lagged.length === 0) return out;
  const rows = await client.indicatorValue.findMany({
    where: { indicatorId: { in: lagged.map((i) => i.id) }, unitId: structure.region.id },
    select: { indicatorId: true, month: true, stage: true, submission: { select: { month: true } } },
  });
  const byId = new Map(lagged.map((i) => [i.id, i]));
  const states = new Map<string, LaggedFigureState & { reporterId: number }>();
  for (const r of rows) {
    const ind = byId.get(r.indicatorId)!;
    const key = `${ind.code}|${r.month}`;
    const state = states.get(key) ?? { code: ind.code, period: r.month, hasProvisional: false, hasFinal: false, finalReportMonth: null, reporterId: ind.primaryReporterId! };
    if (r.stage === 'provisional') state.hasProvisional = true;
    else {
      state.hasFinal = true;
      state.finalReportMonth = r.submission?.month ?? null;
    }
    states.set(key, state);
  }
  for (const { reporterId, ...state } of states.values()) out.set(reporterId, [...(out.get(reporterId) ?? []), state]);
  return out;
}

/** The form of a unit for a month, from the plan and the lagged figures' state (no I/O). */
export function buildFormDefinition(structure: PlanStructure, unitId: number, month: Month, lagged: LaggedFigureState[]): FormDefinition {
  const unit = structure.units.get(unitId);
  if (!unit || unit.kind === 'region') throw new NotFoundError('单位不存在', 'No such unit');
  if (!isPlanMonth(structure, month)) throw new NotFoundError('该月份不在规划期内', 'The month is outside the plan period');
  const byCode = new Map(structure.indicators.map((i) => [i.code, i]));
  const items: FormItem[] = expectedItems({ unitId, regionUnitId: structure.region.id, month, indicators: structure.indicators, lagged }).map((item) => {
    const ind = byCode.get(item.code)!;
    return { ...item, rules: { unit: ind.unit, decimals: ind.decimals }, kind: ind.kind };
  });
  const tasks = expectedTasks(unitId, structure.tasks);
  return {
    structure,
    unit,
    month,
    items,
    itemMap: new Map(items.map((i) => [i.key, i])),
    tasks,
    taskMap: new Map(tasks.map((t) => [t.taskId, t])),
    shared: structure.indicators.filter((i) => i.primaryReporterId !== unitId && i.reporters.some((r) => r.id === unitId)),
  };
}

export async function loadFormDefinition(client: Client, structure: PlanStructure, unitId: number, month: Month): Promise<FormDefinition> {
  const lagged = await loadLaggedStates(client, structure, unitId);
  return buildFormDefinition(structure, unitId, month, lagged.get(unitId) ?? []);
}

/** A stored figure with what the form and the review need beside the planner's view. */
export interface StoredValueRow extends StoredItem {
  stage: ValueStage;
  submissionId: number | null;
  submittedById: number | null;
  returnReason: string | null;
  source: string;
  isDemo: boolean;
  approvedAt: Date | null;
}

const valueSelect = {
  id: true,
  indicatorId: true,
  unitId: true,
  month: true,
  stage: true,
  value: true,
  status: true,
  version: true,
  comment: true,
  warnings: true,
  returnReason: true,
  submissionId: true,
  submittedById: true,
  source: true,
  isDemo: true,
  updatedAt: true,
  approvedAt: true,
  updatedBy: { select: { displayName: true } },
} satisfies Prisma.IndicatorValueSelect;

type ValueRow = Prisma.IndicatorValueGetPayload<{ select: typeof valueSelect }>;

function toStored(row: ValueRow): StoredValueRow {
  return {
    id: row.id,
    value: canonicalFigure(row.value.toFixed()),
    status: row.status,
    version: row.version,
    comment: row.comment,
    warnings: row.warnings,
    updatedByName: row.updatedBy?.displayName ?? null,
    updatedAt: row.updatedAt,
    stage: row.stage,
    submissionId: row.submissionId,
    submittedById: row.submittedById,
    returnReason: row.returnReason,
    source: row.source,
    isDemo: row.isDemo,
    approvedAt: row.approvedAt,
  };
}

/** The stored figures of a form's items, by item key. */
export async function loadStoredValues(client: Client, def: Pick<FormDefinition, 'items' | 'structure'>): Promise<Map<string, StoredValueRow>> {
  if (def.items.length === 0) return new Map();
  const codeOf = new Map(def.structure.indicators.map((i) => [i.id, i.code]));
  const rows = await client.indicatorValue.findMany({
    where: {
      indicatorId: { in: [...new Set(def.items.map((i) => i.indicatorId))] },
      unitId: { in: [...new Set(def.items.map((i) => i.subjectUnitId))] },
      month: { in: [...new Set(def.items.map((i) => i.period))] },
    },
    select: valueSelect,
  });
  const wanted = new Set(def.items.map((i) => i.key));
  const out = new Map<string, StoredValueRow>();
  for (const row of rows) {
    const key = itemKey({ code: codeOf.get(row.indicatorId)!, subjectUnitId: row.unitId, period: row.month, stage: row.stage });
    if (wanted.has(key)) out.set(key, toStored(row));
  }
  return out;
}

/**
 * The previous period's figure of each item (by its frequency), for comparison and the soft checks: final over
 * provisional, whatever its review status (the reporter compares with what was last reported).
 */
export async function loadPreviousValues(client: Client, def: Pick<FormDefinition, 'items' | 'structure'>): Promise<Map<string, { period: Month; value: number; status: ValueStatus }>> {
  if (def.items.length === 0) return new Map();
  const meta = new Map(def.structure.indicators.map((i) => [i.id, i]));
  const prevOf = (item: FormItem) => previousPeriod(meta.get(item.indicatorId)!.frequency as Frequency, item.period);
  const rows = await client.indicatorValue.findMany({
    where: {
      indicatorId: { in: [...new Set(def.items.map((i) => i.indicatorId))] },
      unitId: { in: [...new Set(def.items.map((i) => i.subjectUnitId))] },
      month: { in: [...new Set(def.items.map(prevOf))] },
    },
    select: { indicatorId: true, unitId: true, month: true, stage: true, value: true, status: true },
  });
  const found = new Map<string, { stage: ValueStage; value: number; status: ValueStatus }>();
  for (const r of rows) {
    const id = `${r.indicatorId}|${r.unitId}|${r.month}`;
    const current = found.get(id);
    if (!current || (current.stage === 'provisional' && r.stage === 'final')) found.set(id, { stage: r.stage, value: Number(r.value), status: r.status });
  }
  const out = new Map<string, { period: Month; value: number; status: ValueStatus }>();
  for (const item of def.items) {
    const period = prevOf(item);
    const hit = found.get(`${item.indicatorId}|${item.subjectUnitId}|${period}`);
    if (hit) out.set(item.key, { period, value: hit.value, status: hit.status });
  }
  return out;
}

export interface StoredTaskRow extends StoredTask {
  returnReason: string | null;
  submittedById: number | null;
}

export async function loadStoredTasks(client: Client, unitId: number, month: Month): Promise<Map<number, StoredTaskRow>> {
  const rows = await client.taskReport.findMany({ where: { unitId, month } });
  const names = await userNames(client, rows.map((r) => r.updatedById));
  return new Map(
    rows.map((r) => [
      r.taskId,
      {
        id: r.id,
        role: r.role,
        progress: r.progress,
        narrative: r.narrative,
        note: r.note,
        status: r.status,
        version: r.version,
        updatedByName: r.updatedById ? (names.get(r.updatedById) ?? null) : null,
        updatedAt: r.updatedAt,
        returnReason: r.returnReason,
        submittedById: r.submittedById,
      },
    ]),
  );
}

/** Last month's lead narratives, shown beside this month's for continuity. */
export async function loadPreviousTaskReports(client: Client, unitId: number, month: Month): Promise<Map<number, { progress: string | null; narrative: string | null; note: string | null }>> {
  const rows = await client.taskReport.findMany({ where: { unitId, month: addMonths(month, -1) }, select: { taskId: true, progress: true, narrative: true, note: true } });
  return new Map(rows.map((r) => [r.taskId, { progress: r.progress, narrative: r.narrative, note: r.note }]));
}

export async function userNames(client: Client, ids: (number | null | undefined)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  if (wanted.length === 0) return new Map();
  const users = await client.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

