// Server only. Outward delivery after commit, persisted: each notice × outward channel is a NoticeDelivery row
// (pending, attempts, next attempt at, last error). The first attempt is made at once; a failure schedules the next
// one with exponential backoff (lib/notices/retry.ts), which the notice sweep makes when it is due — so retries
// survive a restart and run in whichever process sweeps first. After the last attempt the delivery is failed and
// audited, and the system admin sees it on /admin/notices and in the 待办 inbox. A failure never undoes the change the
// notice announces: the database channel already holds it.
import 'server-only';
import { systemActor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { systemClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { env } from '@/lib/env';
import type { NoticeChannel, StoredNotice } from '@/lib/notices/channel';
import { ATTEMPT_LEASE_MS, backoffMs, defaultRetryPolicy, type RetryPolicy } from '@/lib/notices/retry';
import { webhookChannel } from '@/lib/notices/webhook-channel';

export interface DeliveryResult {
  deliveryId: number;
  status: 'delivered' | 'pending' | 'failed';
  attempts: number;
}

export interface DeliveryOptions {
  channels?: NoticeChannel[];
  policy?: RetryPolicy;
  clock?: Clock;
}

/** The outward channels this server is configured with (none unless NOTICE_WEBHOOK_URL is set). */
export function outwardChannels(): NoticeChannel[] {
  const { NOTICE_WEBHOOK_URL, NOTICE_WEBHOOK_SECRET } = env();
  return NOTICE_WEBHOOK_URL && NOTICE_WEBHOOK_SECRET ? [webhookChannel({ url: NOTICE_WEBHOOK_URL, secret: NOTICE_WEBHOOK_SECRET })] : [];
}

async function storedNotice(noticeId: number): Promise<StoredNotice | null> {
  const db = await getDb();
  const n = await db.notice.findUnique({ where: { id: noticeId } });
  if (!n) return null;
  return { id: n.id, kind: n.kind, recipient: n.unitId !== null ? { unitId: n.unitId } : { userId: n.userId! }, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt };
}

/**
 * One attempt of one delivery, when it is pending and due. It first takes a lease on the row (moves nextAttemptAt past
 * the attempt's longest duration, only if nobody else did): of two processes sweeping at once, one attempts.
 * Returns null when the delivery was not due or was held by another process.
 */
export async function attemptDelivery(deliveryId: number, channel: NoticeChannel, options: { policy?: RetryPolicy; clock?: Clock } = {}): Promise<DeliveryResult | null> {
  const policy = options.policy ?? defaultRetryPolicy;
  const clock = options.clock ?? systemClock;
  const db = await getDb();
  const now = clock();
  const claimed = await db.noticeDelivery.updateMany({
    where: { id: deliveryId, status: 'pending', OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
    data: { nextAttemptAt: new Date(now.getTime() + ATTEMPT_LEASE_MS) },
  });
  if (claimed.count !== 1) return null;
  const row = await db.noticeDelivery.findUniqueOrThrow({ where: { id: deliveryId }, select: { noticeId: true, attempts: true } });
  const attempt = row.attempts + 1;
  const notice = await storedNotice(row.noticeId);
  try {
    if (!notice) throw new Error('notice deleted');
    await channel.deliver(notice);
    const at = clock();
    await db.noticeDelivery.update({ where: { id: deliveryId }, data: { status: 'delivered', attempts: attempt, lastAttemptAt: at, deliveredAt: at, lastError: null, nextAttemptAt: null } });
    return { deliveryId, status: 'delivered', attempts: attempt };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const last = attempt >= policy.maxAttempts || !notice;
    const at = clock();
    await db.$transaction(async (tx) => {
      await tx.noticeDelivery.update({
        where: { id: deliveryId },
        data: { status: last ? 'failed' : 'pending', attempts: attempt, lastAttemptAt: at, lastError: message, nextAttemptAt: last ? null : new Date(at.getTime() + backoffMs(policy, attempt)) },
      });
      if (last) {
        await recordAudit(tx, systemActor('notices'), { event: 'notice.deliveryFailed', targetType: 'noticeDelivery', targetId: deliveryId, result: 'failure', reason: message, after: { noticeId: row.noticeId, channel: channel.name, attempts: attempt } });
      }
    });
    return { deliveryId, status: last ? 'failed' : 'pending', attempts: attempt };
  }
}

/** Records one pending delivery per notice and outward channel, due now, and makes each first attempt. */
export async function deliverOutward(notices: StoredNotice[], options: DeliveryOptions = {}): Promise<DeliveryResult[]> {
  const channels = options.channels ?? outwardChannels();
  if (channels.length === 0 || notices.length === 0) return [];
  const db = await getDb();
  const now = (options.clock ?? systemClock)();
  const out: DeliveryResult[] = [];
  for (const notice of notices) {
    for (const channel of channels) {
      const row = await db.noticeDelivery.create({ data: { noticeId: notice.id, channel: channel.name, status: 'pending', nextAttemptAt: now }, select: { id: true } });
      out.push((await attemptDelivery(row.id, channel, options)) ?? { deliveryId: row.id, status: 'pending', attempts: 0 });
    }
  }
  return out;
}

/**
 * Called after the transaction that recorded the notices has committed. Runs in the background: the user's request
 * does not wait for a slow gateway; errors are recorded on the delivery, never thrown into the request.
 */
export function dispatchOutward(notices: StoredNotice[], options: DeliveryOptions = {}): Promise<DeliveryResult[]> {
  return deliverOutward(notices, options).catch((error: unknown) => {
    console.error('[notices] outward dispatch failed:', error);
    return [];
  });
}

/**
 * Every pending delivery whose next attempt is due, attempted once each (oldest first, at most `limit`): what the
 * sweep runs. State lives only in the database, so a fresh process picks up where a stopped one left off. A delivery
 * on a channel this process is not configured with stays pending (visible on /admin/notices).
 */
export async function retryDueDeliveries(options: DeliveryOptions & { limit?: number } = {}): Promise<DeliveryResult[]> {
  const channels = options.channels ?? outwardChannels();
  if (channels.length === 0) return [];
  const db = await getDb();
  const now = (options.clock ?? systemClock)();
  const due = await db.noticeDelivery.findMany({
    where: { status: 'pending', channel: { in: channels.map((c) => c.name) }, OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
    orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
    take: options.limit ?? 100,
    select: { id: true, channel: true },
  });
  const out: DeliveryResult[] = [];
  for (const d of due) {
    const result = await attemptDelivery(d.id, channels.find((c) => c.name === d.channel)!, options);
    if (result) out.push(result);
  }
  return out;
}
