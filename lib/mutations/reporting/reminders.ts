// Server only. Every function takes the acting user first. 催办: the bureau reminds units that have not submitted a
// month (or have returned items); each user of the unit acknowledges the reminders they have seen.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { systemClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import {
  loadFirstReportingMonth,
  loadFormDefinition,
  loadReportingSettings,
} from '@/lib/mutations/reporting/form-store';
import { getPlanStructure } from '@/lib/mutations/reporting/plan-structure';
import { databaseChannel } from '@/lib/mutations/notices/database-channel';
import { dispatchOutward } from '@/lib/mutations/notices/dispatch';
import { actorName, assertCan, parse, planIdOfUnit, TX_OPTIONS } from '@/lib/mutations/reporting/store';
import type { StoredNotice } from '@/lib/notices/channel';
import {
  markRemindersSeenSchema,
  sendReminderSchema,
  type MarkRemindersSeenInput,
  type SendReminderInput,
} from '@/lib/schemas/reporting';

/** A second click within this window sends nothing new: one reminder per unit and month is enough. */
const REMINDER_DEDUP_MS = 10 * 60 * 1000;

export interface ReminderResult {
  sent: { unitId: number; reminderId: number }[];
  skipped: { unitId: number; reason: 'alreadySubmitted' | 'recentlyReminded' | 'notExpected' }[];
}

/** 催办: reminds units that have not submitted a month (or have returned items), recorded, shown to their users. */
export async function sendReminder(
  actor: Actor,
  input: SendReminderInput,
  clock: Clock = systemClock,
): Promise<ReminderResult> {
  const data = parse(sendReminderSchema, input);
  assertCan(actor, 'reporting.remind');
  const db = await getDb();
  const now = clock();
  const unitIds = [...new Set(data.unitIds)];
  const planIds = new Set(await Promise.all(unitIds.map((id) => planIdOfUnit(db, id))));
  const structures = new Map(
    await Promise.all([...planIds].map(async (id) => [id, await getPlanStructure(db, id)] as const)),
  );
  const settings = await loadReportingSettings(db);
  const firstMonths = new Map(
    await Promise.all(
      [...structures].map(async ([id, s]) => [id, await loadFirstReportingMonth(db, s, settings)] as const),
    ),
  );
  // 催办 notices recorded in the transaction (database channel, shown in the inbox), delivered outward after commit.
  const outbox: StoredNotice[] = [];
  const sent = await db.$transaction(async (tx) => {
    const name = await actorName(tx, actor);
    const result: ReminderResult = { sent: [], skipped: [] };
    for (const unitId of unitIds) {
      const structure = [...structures.values()].find((s) => s.units.has(unitId))!;
      const def = await loadFormDefinition(tx, structure, unitId, data.month);
      if (!def.items.some((i) => i.required) && !def.tasks.some((t) => t.required)) {
        result.skipped.push({ unitId, reason: 'notExpected' });
        continue;
      }
      const first = firstMonths.get(structure.planId);
      if (!first || data.month < first) {
        result.skipped.push({ unitId, reason: 'notExpected' });
        continue;
      }
      const submission = await tx.submission.findUnique({
        where: { unitId_month: { unitId, month: data.month } },
        select: { firstSubmittedAt: true, status: true },
      });
      if (submission?.firstSubmittedAt && submission.status !== 'returned' && submission.status !== 'draft') {
        result.skipped.push({ unitId, reason: 'alreadySubmitted' });
        continue;
      }
      const recent = await tx.reminder.findFirst({
        where: { kind: 'remind', unitId, month: data.month, sentAt: { gt: new Date(now.getTime() - REMINDER_DEDUP_MS) } },
        select: { id: true },
      });
      if (recent) {
        result.skipped.push({ unitId, reason: 'recentlyReminded' });
        continue;
      }
      const reminder = await tx.reminder.create({
        data: {
          unitId,
          month: data.month,
          message: data.message || null,
          sentAt: now,
          sentById: actor.userId,
          sentByName: name,
        },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        event: 'reporting.reminder.sent',
        targetType: 'reminder',
        targetId: reminder.id,
        after: { unitId, month: data.month, message: data.message ?? null },
      });
      outbox.push(
        await databaseChannel(tx).record(
          { kind: 'reporting.reminder', recipient: { unitId }, title: `催办：请尽快报送 ${data.month} 月报`, body: data.message ? `${data.message}（${name}）` : `催办人：${name}`, link: `/report/${data.month}` },
          now,
        ),
      );
      result.sent.push({ unitId, reminderId: reminder.id });
    }
    return result;
  }, TX_OPTIONS);
  void dispatchOutward(outbox);
  return sent;
}

/** A user of the reminded unit has seen the reminders (each user acknowledges for themself). */
export async function markRemindersSeen(
  actor: Actor,
  input: MarkRemindersSeenInput,
  clock: Clock = systemClock,
): Promise<{ seen: number }> {
  const data = parse(markRemindersSeenSchema, input);
  if (actor.userId === null || actor.unitId === null) throw new ForbiddenError();
  const db = await getDb();
  const reminders = await db.reminder.findMany({
    where: { id: { in: data.reminderIds } },
    select: { id: true, unitId: true },
  });
  if (reminders.length !== new Set(data.reminderIds).size)
    throw new NotFoundError('催办记录不存在', 'No such reminder');
  if (reminders.some((r) => r.unitId !== actor.unitId)) throw new ForbiddenError();
  // A receipt is a write like any other: it is audited in its own transaction, and only when something was new.
  const count = await db.$transaction(async (tx) => {
    const { count } = await tx.reminderReceipt.createMany({
      data: reminders.map((r) => ({ reminderId: r.id, userId: actor.userId!, seenAt: clock() })),
      skipDuplicates: true,
    });
    if (count > 0) {
      await recordAudit(tx, actor, {
        event: 'reporting.reminder.seen',
        targetType: 'reminder',
        targetId: reminders.map((r) => r.id).join(','),
        after: { seen: count },
      });
    }
    return count;
  }, TX_OPTIONS);
  return { seen: count };
}
