// Server only. Reads of the plan (units, tasks, indicators) as plain DTOs: numbers, not Decimals; months as 'YYYY-MM'.
// Every read takes the viewer first and checks it (canReadPlan): the page's own check is not the only one.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Comparator, Frequency, IndicatorKind, TaskPartyRole, Trajectory, UnitKind } from '@/lib/generated/prisma/enums';
import { canReadPlan } from '@/lib/permissions';
import type { RegistryRule } from '@/lib/registry/derived';

function assertCanReadPlan(viewer: Actor): void {
  if (!canReadPlan(viewer)) throw new ForbiddenError();
}

export interface PlanDto {
  id: string;
  title: string;
  region: string;
  /** The region unit's English name from the plan file, if any. */
  regionEn: string | null;
  parentDocument: string;
  periodStart: number;
  periodEnd: number;
  baselineYear: number;
  regionUnitId: number;
}

export interface MilestoneDto {
  year: number;
  value: number;
  comparator: Comparator;
  text: string;
}

export interface UnitRefDto {
  id: number;
  name: string;
  /** The plan file's English name, if it gives one (see `localName`). */
  nameEn: string | null;
  kind: UnitKind;
}

/** The name to show: the English one in the English UI where the plan file gives one, else the Chinese. */
export function localName(locale: string, item: { name: string; nameEn?: string | null }): string {
  return locale === 'en' && item.nameEn ? item.nameEn : item.name;
}

/** A task party (unit or group) as the document names it, or its English name in the English UI. */
export function partyLabel(locale: string, party: { label: string; labelEn?: string | null }): string {
  return locale === 'en' && party.labelEn ? party.labelEn : party.label;
}

/** A task's or section's title in the UI's language, falling back to the Chinese. */
export function localTitle(locale: string, item: { title: string; titleEn?: string | null }): string {
  return locale === 'en' && item.titleEn ? item.titleEn : item.title;
}

export interface IndicatorDto {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  kind: IndicatorKind;
  frequency: Frequency;
  decimals: number;
  trajectory: Trajectory;
  category: string;
  sourceText: string;
  baseline: { year: number; value: number } | null;
  milestones: MilestoneDto[];
  formula: { op: 'ratio'; numerator: string; denominator: string; factor: number } | null;
  lagged: boolean;
  /** Counted from the enterprise registry by this rule; null when typed. */
  registry: RegistryRule | null;
  reporters: UnitRefDto[];
  breakdownGroups: { id: number; name: string; nameEn: string | null }[];
  taskNos: number[];
}

export interface TaskPartyDto {
  role: TaskPartyRole;
  label: string;
  /** The English name of the unit or group the label names, if the plan file gives one. */
  labelEn: string | null;
  unit: UnitRefDto | null;
  groupId: number | null;
}

export interface TaskDto {
  id: number;
  key: string;
  no: number;
  isOrganisation: boolean;
  title: string;
  titleEn: string | null;
  text: string;
  section: { no: number; title: string; titleEn: string | null; kind: string };
  lead: TaskPartyDto[];
  responsible: TaskPartyDto[];
  indicatorCodes: string[];
}

/** The URL key of a task: "7" for key task 7, "o2" for organisational item 2. */
export function taskKey(task: { no: number; isOrganisation: boolean }): string {
  return task.isOrganisation ? `o${task.no}` : String(task.no);
}

export async function getCurrentPlan(viewer: Actor): Promise<PlanDto> {
  assertCanReadPlan(viewer);
  const db = await getDb();
  const plan = await db.plan.findFirst({ orderBy: { loadedAt: 'asc' } });
  if (!plan) throw new NotFoundError('尚未加载规划文件', 'No plan has been loaded');
  const region = await db.unit.findFirst({ where: { planId: plan.id, kind: 'region' }, select: { id: true, nameEn: true } });
  return {
    id: plan.id,
    title: plan.title,
    region: plan.region,
    regionEn: region!.nameEn,
    parentDocument: plan.parentDocument,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    baselineYear: plan.baselineYear,
    regionUnitId: region!.id,
  };
}

const indicatorInclude = {
  milestones: { orderBy: { year: 'asc' } },
  reporters: { orderBy: { position: 'asc' }, include: { unit: { select: { id: true, name: true, nameEn: true, kind: true } } } },
  breakdowns: { include: { group: { select: { id: true, name: true, nameEn: true, position: true } } } },
  tasks: { include: { task: { select: { no: true } } } },
} satisfies Prisma.IndicatorInclude;

type IndicatorRow = Prisma.IndicatorGetPayload<{ include: typeof indicatorInclude }>;

function toIndicatorDto(row: IndicatorRow): IndicatorDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    unit: row.unit,
    kind: row.kind,
    frequency: row.frequency,
    decimals: row.decimals,
    trajectory: row.trajectory,
    category: row.category,
    sourceText: row.sourceText,
    baseline: row.baseline !== null && row.baselineYear !== null ? { year: row.baselineYear, value: Number(row.baseline) } : null,
    milestones: row.milestones.map((m) => ({ year: m.year, value: Number(m.value), comparator: m.comparator, text: m.text })),
    formula: (row.formula as IndicatorDto['formula']) ?? null,
    lagged: row.lagged,
    registry: (row.registryRule as RegistryRule | null) ?? null,
    reporters: row.reporters.map((r) => r.unit),
    breakdownGroups: [...row.breakdowns].sort((a, b) => a.group.position - b.group.position).map((b) => ({ id: b.group.id, name: b.group.name, nameEn: b.group.nameEn })),
    taskNos: row.tasks.map((t) => t.task.no).sort((a, b) => a - b),
  };
}

export async function listIndicators(viewer: Actor, planId: string): Promise<IndicatorDto[]> {
  assertCanReadPlan(viewer);
  const db = await getDb();
  const rows = await db.indicator.findMany({ where: { planId }, include: indicatorInclude, orderBy: { position: 'asc' } });
  return rows.map(toIndicatorDto);
}

const taskInclude = {
  section: true,
  parties: { orderBy: { position: 'asc' }, include: { unit: { select: { id: true, name: true, nameEn: true, kind: true } }, group: { select: { nameEn: true } } } },
  indicators: { include: { indicator: { select: { code: true, position: true } } } },
} satisfies Prisma.TaskInclude;

type TaskRow = Prisma.TaskGetPayload<{ include: typeof taskInclude }>;

function toTaskDto(row: TaskRow): TaskDto {
  const party = (p: TaskRow['parties'][number]): TaskPartyDto => ({
    role: p.role,
    label: p.label,
    labelEn: p.unit?.nameEn ?? p.group?.nameEn ?? null,
    unit: p.unit,
    groupId: p.groupId,
  });
  return {
    id: row.id,
    key: taskKey(row),
    no: row.no,
    isOrganisation: row.isOrganisation,
    title: row.title,
    titleEn: row.titleEn,
    text: row.text,
    section: { no: row.section.no, title: row.section.title, titleEn: row.section.titleEn, kind: row.section.kind },
    lead: row.parties.filter((p) => p.role === 'lead').map(party),
    responsible: row.parties.filter((p) => p.role === 'responsible').map(party),
    indicatorCodes: [...row.indicators].sort((a, b) => a.indicator.position - b.indicator.position).map((i) => i.indicator.code),
  };
}

export async function listTasks(viewer: Actor, planId: string): Promise<TaskDto[]> {
  assertCanReadPlan(viewer);
  const db = await getDb();
  const rows = await db.task.findMany({ where: { planId }, include: taskInclude, orderBy: [{ isOrganisation: 'asc' }, { no: 'asc' }] });
  return rows.map(toTaskDto);
}

export async function getTask(viewer: Actor, planId: string, key: string): Promise<TaskDto> {
  assertCanReadPlan(viewer);
  const match = /^(o?)([1-9]\d{0,2})$/.exec(key);
  if (!match) throw new NotFoundError('任务不存在', 'No such task');
  const db = await getDb();
  const row = await db.task.findUnique({
    where: { planId_isOrganisation_no: { planId, isOrganisation: match[1] === 'o', no: Number(match[2]) } },
    include: taskInclude,
  });
  if (!row) throw new NotFoundError('任务不存在', 'No such task');
  return toTaskDto(row);
}

export interface UnitSummaryDto extends UnitRefDto {
  shortName: string | null;
  groups: string[];
  /** The groups' English names where the plan file gives them (else the Chinese), in the same order. */
  groupsEn: string[];
  leads: number;
  shares: number;
  reports: number;
}

export interface GroupDto {
  id: number;
  name: string;
  nameEn: string | null;
  members: UnitRefDto[];
}

export async function listGroups(viewer: Actor, planId: string): Promise<GroupDto[]> {
  assertCanReadPlan(viewer);
  const db = await getDb();
  const rows = await db.unitGroup.findMany({
    where: { planId },
    orderBy: { position: 'asc' },
    include: { members: { orderBy: { position: 'asc' }, include: { unit: { select: { id: true, name: true, nameEn: true, kind: true } } } } },
  });
  return rows.map((g) => ({ id: g.id, name: g.name, nameEn: g.nameEn, members: g.members.map((m) => m.unit) }));
}

/** Which tasks a unit leads or shares, directly or through a group the document names (各镇街…). */
function partiesOfUnit(tasks: TaskDto[], unitId: number, groupIds: Set<number>) {
  const involves = (p: TaskPartyDto) => p.unit?.id === unitId || (p.groupId !== null && groupIds.has(p.groupId));
  return {
    leads: tasks.filter((t) => t.lead.some(involves)),
    shares: tasks.filter((t) => !t.lead.some(involves) && t.responsible.some(involves)),
  };
}

export async function listUnits(viewer: Actor, planId: string): Promise<UnitSummaryDto[]> {
  assertCanReadPlan(viewer);
  const db = await getDb();
  const [units, groups, tasks, reporters] = await Promise.all([
    db.unit.findMany({ where: { planId, active: true, kind: { not: 'region' } }, orderBy: { position: 'asc' } }),
    listGroups(viewer, planId),
    listTasks(viewer, planId),
    db.indicatorReporter.findMany({ where: { indicator: { planId } }, select: { unitId: true } }),
  ]);
  return units.map((u) => {
    const memberOf = groups.filter((g) => g.members.some((m) => m.id === u.id));
    const { leads, shares } = partiesOfUnit(tasks, u.id, new Set(memberOf.map((g) => g.id)));
    return {
      id: u.id,
      name: u.name,
      nameEn: u.nameEn,
      kind: u.kind,
      shortName: u.shortName,
      groups: memberOf.map((g) => g.name),
      groupsEn: memberOf.map((g) => g.nameEn ?? g.name),
      leads: leads.length,
      shares: shares.length,
      reports: reporters.filter((r) => r.unitId === u.id).length,
    };
  });
}

export interface UnitDetailDto extends UnitSummaryDto {
  leadTasks: TaskDto[];
  sharedTasks: TaskDto[];
  reportedIndicators: IndicatorDto[];
  breakdownIndicators: IndicatorDto[];
}

export async function getUnit(viewer: Actor, planId: string, unitId: number): Promise<UnitDetailDto> {
  assertCanReadPlan(viewer);
  const units = await listUnits(viewer, planId);
  const unit = units.find((u) => u.id === unitId);
  if (!unit) throw new NotFoundError('单位不存在', 'No such unit');
  const [groups, tasks, indicators] = await Promise.all([listGroups(viewer, planId), listTasks(viewer, planId), listIndicators(viewer, planId)]);
  const groupIds = new Set(groups.filter((g) => g.members.some((m) => m.id === unitId)).map((g) => g.id));
  const { leads, shares } = partiesOfUnit(tasks, unitId, groupIds);
  return {
    ...unit,
    leadTasks: leads,
    sharedTasks: shares,
    reportedIndicators: indicators.filter((i) => i.reporters.some((r) => r.id === unitId)),
    breakdownIndicators: indicators.filter((i) => i.breakdownGroups.some((g) => groupIds.has(g.id))),
  };
}
