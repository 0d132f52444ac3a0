// Server only. Every function takes the viewer first. The supervision list with its filters (state, unit, raiser,
// due month), the raisers to filter by, and the export table.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { systemClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import type { Table } from '@/lib/excel/export';
import type { Prisma } from '@/lib/generated/prisma/client';
import { cstDate } from '@/lib/reporting/deadlines';
import type { SupervisionFilter } from '@/lib/schemas/supervision/filters';
import { loadRows, visibilityWhere, type SupervisionRowDto } from './load';

function filterWhere(filter: SupervisionFilter, today: string): Prisma.SupervisionItemWhereInput {
  const where: Prisma.SupervisionItemWhereInput[] = [];
  if (filter.state === 'overdue') where.push({ state: { not: 'closed' }, dueDate: { lt: today } });
  else if (filter.state) where.push({ state: filter.state });
  if (filter.unitId) where.push({ units: { some: { unitId: filter.unitId } } });
  if (filter.raisedById) where.push({ raisedById: filter.raisedById });
  if (filter.dueMonth) where.push({ dueDate: { startsWith: filter.dueMonth } });
  return { AND: where };
}

export async function listSupervision(viewer: Actor, filter: SupervisionFilter = {}, clock: Clock = systemClock): Promise<SupervisionRowDto[]> {
  const db = await getDb();
  const now = clock();
  return loadRows(db, { AND: [visibilityWhere(viewer), filterWhere(filter, cstDate(now))] }, now);
}

/** Who has raised items the viewer can see, for the raiser filter. */
export async function listRaisers(viewer: Actor): Promise<{ id: number; name: string }[]> {
  const db = await getDb();
  const rows = await db.supervisionItem.findMany({ where: { AND: [visibilityWhere(viewer), { raisedById: { not: null } }] }, distinct: ['raisedById'], select: { raisedById: true, raisedByName: true }, orderBy: { raisedById: 'asc' } });
  return rows.map((r) => ({ id: r.raisedById!, name: r.raisedByName }));
}

/** Open items past their due date about one unit (assigned to it) or one task: for the unit's and task's pages. */
export async function listOverdueSupervision(viewer: Actor, about: { unitId: number } | { taskId: number }, clock: Clock = systemClock): Promise<SupervisionRowDto[]> {
  const db = await getDb();
  const now = clock();
  const scope: Prisma.SupervisionItemWhereInput =
    'unitId' in about ? { OR: [{ units: { some: { unitId: about.unitId } } }, { targetKind: 'unit', targetId: about.unitId }] } : { targetKind: 'task', targetId: about.taskId };
  return loadRows(db, { AND: [visibilityWhere(viewer), scope, { state: { not: 'closed' }, dueDate: { lt: cstDate(now) } }] }, now);
}

const stateLabels: Record<string, string> = { open: '待反馈', answered: '已反馈待办结', returned: '已退回', closed: '已办结' };
const dueLabels: Record<string, string> = { ok: '', soon: '临期', overdue: '逾期', closed: '' };

export async function getSupervisionExport(viewer: Actor, filter: SupervisionFilter = {}, clock: Clock = systemClock): Promise<Table> {
  const rows = await listSupervision(viewer, filter, clock);
  return {
    title: '督办事项',
    columns: ['编号', '督办对象', '督办内容', '牵头单位', '配合单位', '提出人', '提出时间', '办理期限', '原定期限', '状态', '期限提示', '最近反馈'],
    rows: rows.map((r) => [
      r.id,
      r.target.label,
      r.text,
      r.units.filter((u) => u.role === 'lead').map((u) => u.name).join('、'),
      r.units.filter((u) => u.role === 'cooperating').map((u) => u.name).join('、'),
      r.raisedBy,
      cstDate(r.raisedAt),
      r.dueDate,
      r.originalDueDate,
      stateLabels[r.state],
      dueLabels[r.due],
      r.lastAnsweredAt ? cstDate(r.lastAnsweredAt) : null,
    ]),
  };
}
