// Server only. Every function takes the viewer first. One supervision item with every step (who, when, what), what
// the viewer may do with it, and the choices the raise form offers.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { systemClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import type { SupervisionEventKind, TaskProgress } from '@/lib/generated/prisma/enums';
import { can, hasRole } from '@/lib/permissions';
import { stepsAllowed } from '@/lib/supervision/state-machine';
import { loadRows, visibilityWhere, type SupervisionRowDto } from './load';

export interface SupervisionEventDto {
  id: number;
  kind: SupervisionEventKind;
  at: Date;
  actor: string;
  unit: string | null;
  text: string | null;
  selfStatus: TaskProgress | null;
  attachments: { name: string; size: number; type: string }[];
  dueDateBefore: string | null;
  dueDateAfter: string | null;
  version: number;
}

export interface SupervisionItemDto extends SupervisionRowDto {
  events: SupervisionEventDto[];
  viewer: { canAnswer: boolean; canClose: boolean; canExtend: boolean };
}

export async function getSupervisionItem(viewer: Actor, itemId: number, clock: Clock = systemClock): Promise<SupervisionItemDto> {
  const db = await getDb();
  const [row] = await loadRows(db, { AND: [visibilityWhere(viewer), { id: itemId }] }, clock());
  if (!row) throw new NotFoundError('督办事项不存在', 'No such supervision item');
  const events = await db.supervisionEvent.findMany({ where: { itemId }, orderBy: { id: 'asc' } });
  const unitNames = new Map(row.units.map((u) => [u.id, u.name]));
  const steps = stepsAllowed(row.state);
  const decides = can(viewer, 'supervision.close') && (hasRole(viewer, 'bureau_reviewer') || (viewer.userId !== null && viewer.userId === row.raisedById));
  const answers = can(viewer, 'supervision.answer') && viewer.unitId !== null && unitNames.has(viewer.unitId);
  return {
    ...row,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at,
      actor: e.actorName,
      unit: e.unitId === null ? null : (unitNames.get(e.unitId) ?? null),
      text: e.text,
      selfStatus: e.selfStatus,
      attachments: Array.isArray(e.attachments) ? (e.attachments as { name: string; size: number; type: string }[]) : [],
      dueDateBefore: e.dueDateBefore,
      dueDateAfter: e.dueDateAfter,
      version: e.version,
    })),
    viewer: { canAnswer: answers && steps.includes('answer'), canClose: decides && steps.includes('close'), canExtend: decides && steps.includes('extend') },
  };
}

export interface RaiseChoicesDto {
  targets: { group: 'task' | 'indicator' | 'unit'; value: string; label: string }[];
  units: { id: number; name: string }[];
}

/** What an item can be raised on, and the units it can be given to (active, not the district itself). */
export async function getRaiseChoices(planId: string): Promise<RaiseChoicesDto> {
  const db = await getDb();
  const [tasks, indicators, units] = await Promise.all([
    db.task.findMany({ where: { planId }, select: { id: true, no: true, isOrganisation: true, title: true }, orderBy: [{ isOrganisation: 'asc' }, { no: 'asc' }] }),
    db.indicator.findMany({ where: { planId }, select: { id: true, name: true }, orderBy: { position: 'asc' } }),
    db.unit.findMany({ where: { planId, active: true, kind: { not: 'region' } }, select: { id: true, name: true }, orderBy: { position: 'asc' } }),
  ]);
  return {
    targets: [
      ...tasks.map((t) => ({ group: 'task' as const, value: `task:${t.id}`, label: `${t.isOrganisation ? '组织实施' : '重点任务'}${t.no} ${t.title}` })),
      ...indicators.map((i) => ({ group: 'indicator' as const, value: `indicator:${i.id}`, label: i.name })),
      ...units.map((u) => ({ group: 'unit' as const, value: `unit:${u.id}`, label: u.name })),
    ],
    units,
  };
}
