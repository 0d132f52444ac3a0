// Server only. Every function takes the acting user first. Raising a supervision item (督办/批示): a leader or the
// bureau names what it is about, the lead and co-operating units, a due date and optionally an answer cadence. The
// item, its units, its first step, the audit row and the units' notices are one transaction.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { systemClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { ForbiddenError } from '@/lib/errors';
import { dispatchOutward } from '@/lib/mutations/notices/dispatch';
import { can } from '@/lib/permissions';
import { cstDate } from '@/lib/reporting/deadlines';
import { raiseSupervisionSchema, type RaiseSupervisionInput } from '@/lib/schemas/supervision/items';
import type { SupervisionTargetKind } from '@/lib/supervision/targets';
import { actorName, excerpt, noticeUnits, parse, recordStep, SupervisionValidationError, TX_OPTIONS, type Tx } from './store';

/** The plan a target belongs to, or null when there is no such target. A new target kind adds its lookup here. */
async function planOfTarget(tx: Tx, kind: SupervisionTargetKind, id: number): Promise<string | null> {
  switch (kind) {
    case 'task':
      return (await tx.task.findUnique({ where: { id }, select: { planId: true } }))?.planId ?? null;
    case 'indicator':
      return (await tx.indicator.findUnique({ where: { id }, select: { planId: true } }))?.planId ?? null;
    case 'unit': {
      const unit = await tx.unit.findUnique({ where: { id }, select: { planId: true, active: true } });
      return unit?.active ? unit.planId : null;
    }
  }
}

export async function raiseSupervision(actor: Actor, input: RaiseSupervisionInput, clock: Clock = systemClock, options: { isDemo?: boolean } = {}): Promise<{ id: number; version: number }> {
  const data = parse(raiseSupervisionSchema, input);
  if (!can(actor, 'instruction.create')) throw new ForbiddenError('只有区领导或区科技局可以提出督办事项', 'Only leaders and the bureau may raise supervision items');
  const now = clock();
  if (data.dueDate < cstDate(now)) throw new SupervisionValidationError({ dueDate: ['validation.supervisionDueDate'] });
  const db = await getDb();
  const { id, notices } = await db.$transaction(async (tx) => {
    const planId = await planOfTarget(tx, data.target.targetKind, data.target.targetId);
    if (!planId) throw new SupervisionValidationError({ target: ['validation.supervisionTarget'] });
    const unitIds = [data.leadUnitId, ...data.cooperatingUnitIds];
    const units = await tx.unit.findMany({ where: { id: { in: unitIds }, planId, active: true, kind: { not: 'region' } }, select: { id: true } });
    const found = new Set(units.map((u) => u.id));
    const fieldErrors: Record<string, string[]> = {};
    if (!found.has(data.leadUnitId)) fieldErrors.leadUnitId = ['validation.supervisionUnit'];
    if (data.cooperatingUnitIds.some((u) => !found.has(u))) fieldErrors.cooperatingUnitIds = ['validation.supervisionUnit'];
    if (Object.keys(fieldErrors).length) throw new SupervisionValidationError(fieldErrors);

    const name = await actorName(tx, actor);
    const item = await tx.supervisionItem.create({
      data: {
        planId,
        targetKind: data.target.targetKind,
        targetId: data.target.targetId,
        text: data.text,
        dueDate: data.dueDate,
        originalDueDate: data.dueDate,
        cadenceDays: data.cadenceDays,
        raisedAt: now,
        raisedById: actor.userId,
        raisedByName: name,
        isDemo: options.isDemo ?? false,
        units: {
          create: [
            { unitId: data.leadUnitId, role: 'lead' as const },
            ...[...new Set(data.cooperatingUnitIds)].map((unitId) => ({ unitId, role: 'cooperating' as const })),
          ],
        },
      },
      select: { id: true, isDemo: true, units: { select: { unitId: true, role: true } } },
    });
    await recordStep(tx, { itemId: item.id, kind: 'raised', at: now, actor, actorName: name, version: 1, text: data.text, dueDateAfter: data.dueDate });
    await recordAudit(tx, actor, {
      event: 'supervision.raised',
      targetType: 'supervisionItem',
      targetId: item.id,
      after: { target: data.target, leadUnitId: data.leadUnitId, cooperatingUnitIds: data.cooperatingUnitIds, dueDate: data.dueDate, cadenceDays: data.cadenceDays },
    });
    const notices = await noticeUnits(tx, item, { kind: 'supervision.raised', title: `新督办事项：${excerpt(data.text)}`, body: `办理期限 ${data.dueDate}` }, now);
    return { id: item.id, notices };
  }, TX_OPTIONS);
  void dispatchOutward(notices);
  return { id, version: 1 };
}
