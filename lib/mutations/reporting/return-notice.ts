// Server only. A return reaches the unit's users wherever they land after sign-in, like 催办: written as a reminder of
// kind `returned` (the reason is its message) and as a notice through the database channel (shown in the inbox), both
// in the reviewer's transaction; the caller delivers the notices outward (webhook) after commit.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { databaseChannel } from '@/lib/mutations/notices/database-channel';
import { actorName, type Tx } from '@/lib/mutations/reporting/store';
import type { StoredNotice } from '@/lib/notices/channel';

/** One notice per returned submission (unit and month), inside the caller's transaction. */
export async function noticeReturn(tx: Tx, actor: Actor, submissionIds: number[], reason: string | null, now: Date): Promise<StoredNotice[]> {
  if (submissionIds.length === 0) return [];
  const submissions = await tx.submission.findMany({ where: { id: { in: [...new Set(submissionIds)] } }, select: { unitId: true, month: true } });
  const sentByName = await actorName(tx, actor);
  await tx.reminder.createMany({
    data: submissions.map((s) => ({ kind: 'returned' as const, unitId: s.unitId, month: s.month, message: reason, sentAt: now, sentById: actor.userId, sentByName })),
  });
  const channel = databaseChannel(tx);
  const notices: StoredNotice[] = [];
  for (const s of submissions) {
    notices.push(await channel.record({ kind: 'reporting.returned', recipient: { unitId: s.unitId }, title: `${s.month} 月报有退回项，请修改后重新报送`, body: reason ? `退回原因：${reason}（${sentByName}）` : `退回人：${sentByName}`, link: `/report/${s.month}` }, now));
  }
  return notices;
}
