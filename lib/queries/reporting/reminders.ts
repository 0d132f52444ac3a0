// Server only. Every function takes the viewer first. 催办 as the units and the bureau see them: the reminders a user has
// not acknowledged yet, and the record of reminders sent with who has seen each.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import type { Month } from '@/lib/periods';
import { assertCanViewAll, assertCanViewUnit } from '@/lib/queries/reporting/access';

export interface ReminderDto {
  id: number;
  /** 催办, or a return (the message is the reviewer's reason). */
  kind: 'remind' | 'returned';
  unitId: number;
  month: Month;
  message: string | null;
  sentAt: Date;
  sentBy: string;
}

/** Reminders to the viewer's unit that this viewer has not acknowledged yet (shown after sign-in). */
export async function listUnseenReminders(viewer: Actor): Promise<ReminderDto[]> {
  if (viewer.unitId === null || viewer.userId === null) return [];
  const db = await getDb();
  const rows = await db.reminder.findMany({
    where: { unitId: viewer.unitId, receipts: { none: { userId: viewer.userId } } },
    orderBy: { sentAt: 'desc' },
    take: 20,
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    unitId: r.unitId,
    month: r.month,
    message: r.message,
    sentAt: r.sentAt,
    sentBy: r.sentByName,
  }));
}

export interface ReminderWithReceiptsDto extends ReminderDto {
  unitName: string;
  seenBy: { name: string; at: Date }[];
}

/** The bureau's record of reminders sent, with who at the unit has seen each. */
export async function listReminders(
  viewer: Actor,
  params: { planId: string; month?: Month; unitId?: number },
): Promise<ReminderWithReceiptsDto[]> {
  if (params.unitId === undefined) assertCanViewAll(viewer);
  else assertCanViewUnit(viewer, params.unitId);
  const db = await getDb();
  const rows = await db.reminder.findMany({
    where: { kind: 'remind', unit: { planId: params.planId }, month: params.month, unitId: params.unitId },
    orderBy: { sentAt: 'desc' },
    take: 500,
    include: {
      unit: { select: { name: true } },
      receipts: { include: { user: { select: { displayName: true } } }, orderBy: { seenAt: 'asc' } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    unitId: r.unitId,
    unitName: r.unit.name,
    month: r.month,
    message: r.message,
    sentAt: r.sentAt,
    sentBy: r.sentByName,
    seenBy: r.receipts.map((x) => ({ name: x.user.displayName, at: x.seenAt })),
  }));
}
