// Server only. The webhook channel: one POST of the notice as JSON to a configured URL, signed with HMAC-SHA256 so
// that the district's gateway can tell it came from this platform and was not altered or replayed late.
//
// Headers: X-Beibei-Timestamp (Unix seconds), X-Beibei-Delivery (the NoticeDelivery id, for de-duplication),
// X-Beibei-Signature: "sha256=" + hex(HMAC(secret, `${timestamp}.${body}`)). A 2xx answer is success; anything else,
// a network error or a timeout throws, and the dispatcher retries with backoff.
import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { NoticeChannel, StoredNotice } from '@/lib/notices/channel';

export interface WebhookConfig {
  url: string;
  secret: string;
  /** Per attempt. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => Date;
}

export function signBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** For a receiver (and the tests): constant-time comparison of the signature header. */
export function verifySignature(secret: string, timestamp: string, body: string, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, timestamp, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function webhookBody(notice: StoredNotice): string {
  return JSON.stringify({
    id: notice.id,
    kind: notice.kind,
    recipient: notice.recipient,
    title: notice.title,
    body: notice.body ?? null,
    link: notice.link ?? null,
    createdAt: notice.createdAt.toISOString(),
  });
}

export function webhookChannel(config: WebhookConfig & { deliveryId?: () => string }): NoticeChannel {
  const doFetch = config.fetch ?? fetch;
  return {
    name: 'webhook',
    async deliver(notice) {
      const body = webhookBody(notice);
      const timestamp = String(Math.floor((config.now?.() ?? new Date()).getTime() / 1000));
      const response = await doFetch(config.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'X-Beibei-Timestamp': timestamp,
          'X-Beibei-Delivery': config.deliveryId?.() ?? String(notice.id),
          'X-Beibei-Signature': signBody(config.secret, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
      });
      // Drain the body so the connection is released.
      await response.arrayBuffer().catch(() => undefined);
      if (response.status < 200 || response.status >= 300) throw new Error(`HTTP ${response.status}`);
    },
  };
}
