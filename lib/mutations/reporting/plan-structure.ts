// Server only. What the plan asks of every unit (indicators with their reporters and breakdowns, key tasks with their
// parties), read once and cached while nothing it is built from changes. Read by saves and by pages alike.
import 'server-only';
import { NotFoundError } from '@/lib/errors';
import type { Comparator, UnitKind } from '@/lib/generated/prisma/enums';
import type { ReportableIndicator, ReportableTask } from '@/lib/reporting/expected';
import type { Client } from '@/lib/mutations/reporting/store';

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
  /** Counted from the enterprise registry (the plan's `registry` mark): its monthly figures are never typed. */
  registryCounted: boolean;
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
    client.unit.findMany({
      where: { planId },
      select: { id: true, name: true, kind: true, position: true },
      orderBy: { position: 'asc' },
    }),
    client.unitGroup.findMany({
      where: { planId },
      select: { id: true, name: true, members: { select: { unitId: true }, orderBy: { position: 'asc' } } },
    }),
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
        registryRule: true,
        milestones: { orderBy: { year: 'asc' }, select: { year: true, value: true, comparator: true, text: true } },
        reporters: { orderBy: { position: 'asc' }, select: { unitId: true } },
        breakdowns: { select: { groupId: true } },
      },
    }),
    client.task.findMany({
      where: { planId },
      orderBy: [{ isOrganisation: 'asc' }, { no: 'asc' }],
      select: {
        id: true,
        no: true,
        title: true,
        isOrganisation: true,
        parties: { orderBy: { position: 'asc' }, select: { role: true, label: true, unitId: true, groupId: true } },
      },
    }),
  ]);
  if (!plan) throw new NotFoundError('规划不存在', 'No such plan');
  const unitMap = new Map(units.map((u) => [u.id, { id: u.id, name: u.name, kind: u.kind }]));
  const region = units.find((u) => u.kind === 'region');
  if (!region) throw new NotFoundError('规划缺少区域单位', 'The plan has no region unit');
  const groupMap = new Map(groups.map((g) => [g.id, { name: g.name, memberIds: g.members.map((m) => m.unitId) }]));
  const resolve = (parties: { unitId: number | null; groupId: number | null }[]) => [
    ...new Set(
      parties.flatMap((p) =>
        p.unitId !== null ? [p.unitId] : p.groupId !== null ? (groupMap.get(p.groupId)?.memberIds ?? []) : [],
      ),
    ),
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
      registryCounted: i.registryRule !== null,
      milestones: i.milestones.map((m) => ({
        year: m.year,
        value: Number(m.value),
        comparator: m.comparator,
        text: m.text,
      })),
      reporters: i.reporters.map((r) => unitMap.get(r.unitId)!).filter(Boolean),
      primaryReporterId: i.reporters[0]?.unitId ?? null,
      breakdowns: i.breakdowns
        .map((b) => ({
          groupId: b.groupId,
          groupName: groupMap.get(b.groupId)?.name ?? '',
          memberIds: groupMap.get(b.groupId)?.memberIds ?? [],
        }))
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
      (SELECT count(*) || ':' || coalesce(sum(hashtext(u."id" || u."name" || u."kind" || u."active")), 0)
         FROM "Unit" u WHERE u."planId" = p."id"),
      (SELECT count(*) || ':' || coalesce(sum(hashtext(m."groupId" || ':' || m."unitId" || ':' || m."position")), 0)
         FROM "UnitGroupMember" m JOIN "UnitGroup" g ON g."id" = m."groupId" WHERE g."planId" = p."id"),
      (SELECT count(*) || ':' || coalesce(sum(hashtext(b."indicatorId" || ':' || b."groupId")), 0)
         FROM "IndicatorBreakdown" b JOIN "Indicator" i ON i."id" = b."indicatorId" WHERE i."planId" = p."id"),
      (SELECT count(*) || ':'
           || coalesce(sum(hashtext(r."indicatorId" || ':' || r."unitId" || ':' || r."position")), 0)
         FROM "IndicatorReporter" r JOIN "Indicator" i ON i."id" = r."indicatorId" WHERE i."planId" = p."id"),
      (SELECT count(*) || ':' || coalesce(sum(hashtext(
           tp."id" || ':' || coalesce(tp."unitId", 0) || ':' || coalesce(tp."groupId", 0) || tp."role")), 0)
         FROM "TaskParty" tp JOIN "Task" t ON t."id" = tp."taskId" WHERE t."planId" = p."id"),
      (SELECT count(*) || ':' || coalesce(sum(hashtext(
           i."id" || i."code" || i."kind" || i."frequency" || i."decimals" || i."lagged" || i."unit"
           || i."version")), 0)
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
