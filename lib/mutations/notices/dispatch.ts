// Server only. Outward delivery after commit: each notice goes to each configured outward channel with retries and
// exponential backoff (1 s, 2 s, 4 s, … by default); after the last attempt it gives up, the delivery is marked
// failed and audited, and the system admin sees it on /admin/notices and in the 待办 inbox. A failure never undoes
// the change the notice announces: the database channel already holds it.
import 'server-only';
import { systemClock } from '@/lib/clock';
import { systemActor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { getDb } from '@/lib/db/client';
import { env } from '@/lib/env';
import type { NoticeChannel, StoredNotice } from '@/lib/notices/channel';
import { backoffMs, defaultRetryPolicy, type RetryPolicy } from '@/lib/notices/retry';
import { webhookChannel } from '@/lib/notices/webhook-channel';

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface DeliveryResult {
  deliveryId: number;
  status: 'delivered' | 'failed';
  attempts: number;
}

export async function deliverWithRetries(channel: NoticeChannel, notice: StoredNotice, policy: RetryPolicy = defaultRetryPolicy): Promise<DeliveryResult> {
  const db = await getDb();
  const delivery = await db.noticeDelivery.create({ data: { noticeId: notice.id, channel: channel.name, status: 'pending' }, select: { id: true } });
  const sleep = policy.sleep ?? wait;
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
    try {
      await channel.deliver(notice);
      await db.noticeDelivery.update({ where: { id: delivery.id }, data: { status: 'delivered', attempts: attempt, lastAttemptAt: systemClock(), deliveredAt: systemClock(), lastError: null } });
      return { deliveryId: delivery.id, status: 'delivered', attempts: attempt };
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const last = attempt === policy.maxAttempts;
      await db.$transaction(async (tx) => {
        await tx.noticeDelivery.update({ where: { id: delivery.id }, data: { status: last ? 'failed' : 'pending', attempts: attempt, lastAttemptAt: systemClock(), lastError: message } });
        if (last) {
          await recordAudit(tx, systemActor('notices'), { event: 'notice.deliveryFailed', targetType: 'noticeDelivery', targetId: delivery.id, result: 'failure', reason: message, after: { noticeId: notice.id, channel: channel.name, attempts: attempt } });
        }
      });
      if (last) return { deliveryId: delivery.id, status: 'failed', attempts: attempt };
      await sleep(backoffMs(policy, attempt));
    }
  }
  throw new Error('unreachable');
}

/** The outward channels this server is configured with (none unless NOTICE_WEBHOOK_URL is set). */
export function outwardChannels(): NoticeChannel[] {
  const { NOTICE_WEBHOOK_URL, NOTICE_WEBHOOK_SECRET } = env();
  return NOTICE_WEBHOOK_URL && NOTICE_WEBHOOK_SECRET ? [webhookChannel({ url: NOTICE_WEBHOOK_URL, secret: NOTICE_WEBHOOK_SECRET })] : [];
}

/**
 * Called after the transaction that recorded the notices has committed. Runs in the background: the user's request
 * does not wait for a slow gateway; errors are recorded on the delivery, never thrown into the request.
 */
export function dispatchOutward(notices: StoredNotice[], channels: NoticeChannel[] = outwardChannels(), policy: RetryPolicy = defaultRetryPolicy): Promise<DeliveryResult[]> {
  if (channels.length === 0 || notices.length === 0) return Promise.resolve([]);
  return Promise.all(notices.flatMap((notice) => channels.map((channel) => deliverWithRetries(channel, notice, policy)))).catch((error: unknown) => {
    console.error('[notices] outward dispatch failed:', error);
    return [];
  });
}
