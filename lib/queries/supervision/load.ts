// Server only. Reads shared by the supervision queries: who may see which items, the rows with their units, and
// each item's target turned into a label and a link. Plain DTOs out (dates as Date, due dates as 'YYYY-MM-DD').
import 'server-only';
import type { Actor } from '@/lib/actor';
import type { Db } from '@/lib/db/client';
import { ForbiddenError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { SupervisionState, SupervisionUnitRole } from '@/lib/generated/prisma/enums';
import { can, hasRole } from '@/lib/permissions';
import { taskKey } from '@/lib/queries/plan';
import { daysLeft, dueState, nextAnswerDue, answerOwed, type DueState } from '@/lib/supervision/due';

export interface SupervisionTargetDto {
  kind: string;
  id: number;
  label: string;
  href: string | null;
}

export interface SupervisionRowDto {
  id: number;
  target: SupervisionTargetDto;
  text: string;
  state: SupervisionState;
  due: DueState;
  dueDate: string;
  originalDueDate: string;
  daysLeft: number;
  cadenceDays: number | null;
  nextAnswerDue: string | null;
  answerOwed: boolean;
  raisedAt: Date;
  raisedById: number | null;
  raisedBy: string;
  lastAnsweredAt: Date | null;
  closedAt: Date | null;
  units: { id: number; name: string; role: SupervisionUnitRole }[];
  version: number;
}

export const rowSelect = {
  id: true,
  targetKind: true,
  targetId: true,
  text: true,
  state: true,
  dueDate: true,
  originalDueDate: true,
  cadenceDays: true,
  raisedAt: true,
  raisedById: true,
  raisedByName: true,
  lastAnsweredAt: true,
  closedAt: true,
  version: true,
  units: { select: { role: true, unit: { select: { id: true, name: true, position: true } } } },
} as const satisfies Prisma.SupervisionItemSelect;

type Row = Prisma.SupervisionItemGetPayload<{ select: typeof rowSelect }>;

/** A reporter sees the items of its own unit; leaders, the bureau and viewers see all. */
export function visibilityWhere(viewer: Actor): Prisma.SupervisionItemWhereInput {
  if (!can(viewer, 'supervision.view')) throw new ForbiddenError();
  if (hasRole(viewer, 'bureau_reviewer') || hasRole(viewer, 'leader') || hasRole(viewer, 'viewer')) return {};
  return { units: { some: { unitId: viewer.unitId ?? -1 } } };
}

export async function targetLabels(db: Db, rows: { targetKind: string; targetId: number }[]): Promise<Map<string, SupervisionTargetDto>> {
  const ids = (kind: string) => [...new Set(rows.filter((r) => r.targetKind === kind).map((r) => r.targetId))];
  const [tasks, indicators, units] = await Promise.all([
    db.task.findMany({ where: { id: { in: ids('task') } }, select: { id: true, no: true, isOrganisation: true, title: true } }),
    db.indicator.findMany({ where: { id: { in: ids('indicator') } }, select: { id: true, code: true, name: true } }),
    db.unit.findMany({ where: { id: { in: ids('unit') } }, select: { id: true, name: true } }),
  ]);
  const out = new Map<string, SupervisionTargetDto>();
  for (const t of tasks) out.set(`task:${t.id}`, { kind: 'task', id: t.id, label: `${t.isOrganisation ? '组织实施' : '重点任务'}${t.no} ${t.title}`, href: `/tasks/${taskKey(t)}` });
  for (const i of indicators) out.set(`indicator:${i.id}`, { kind: 'indicator', id: i.id, label: i.name, href: `/indicators/${i.code}` });
  for (const u of units) out.set(`unit:${u.id}`, { kind: 'unit', id: u.id, label: u.name, href: `/units/${u.id}` });
  return out;
}

export function toRow(row: Row, targets: Map<string, SupervisionTargetDto>, now: Date): SupervisionRowDto {
  const key = `${row.targetKind}:${row.targetId}`;
  return {
    id: row.id,
    target: targets.get(key) ?? { kind: row.targetKind, id: row.targetId, label: key, href: null },
    text: row.text,
    state: row.state,
    due: dueState(now, row),
    dueDate: row.dueDate,
    originalDueDate: row.originalDueDate,
    daysLeft: daysLeft(now, row.dueDate),
    cadenceDays: row.cadenceDays,
    nextAnswerDue: row.state === 'closed' ? null : nextAnswerDue(row),
    answerOwed: answerOwed(now, row),
    raisedAt: row.raisedAt,
    raisedById: row.raisedById,
    raisedBy: row.raisedByName,
    lastAnsweredAt: row.lastAnsweredAt,
    closedAt: row.closedAt,
    units: [...row.units].sort((a, b) => (a.role === b.role ? a.unit.position - b.unit.position : a.role === 'lead' ? -1 : 1)).map((u) => ({ id: u.unit.id, name: u.unit.name, role: u.role })),
    version: row.version,
  };
}

export async function loadRows(db: Db, where: Prisma.SupervisionItemWhereInput, now: Date): Promise<SupervisionRowDto[]> {
  const rows = await db.supervisionItem.findMany({ where, select: rowSelect, orderBy: [{ dueDate: 'asc' }, { id: 'asc' }] });
  const targets = await targetLabels(db, rows);
  return rows.map((r) => toRow(r, targets, now));
}
