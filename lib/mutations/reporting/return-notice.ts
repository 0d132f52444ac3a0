// Server only. A return reaches the unit's users wherever they land after sign-in, like 催办: written as a notice of
// kind `returned` (the reason is its message) in the reviewer's transaction, read by each user on their own.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { actorName, type Tx } from '@/lib/mutations/reporting/store';

/** One notice per returned submission (unit and month), inside the caller's transaction. */
export async function noticeReturn(tx: Tx, actor: Actor, submissionIds: number[], reason: string | null, now: Date): Promise<void> {
  if (submissionIds.length === 0) return;
  const submissions = await tx.submission.findMany({ where: { id: { in: [...new Set(submissionIds)] } }, select: { unitId: true, month: true } });
  const sentByName = await actorName(tx, actor);
  await tx.reminder.createMany({
    data: submissions.map((s) => ({ kind: 'returned' as const, unitId: s.unitId, month: s.month, message: reason, sentAt: now, sentById: actor.userId, sentByName })),
  });
}
