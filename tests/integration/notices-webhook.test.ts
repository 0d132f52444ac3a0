// The webhook channel against a real HTTP receiver on 127.0.0.1: the body arrives signed (HMAC-SHA256 over
// timestamp and body), failures are retried with exponential backoff, and after the last attempt the delivery gives
// up, is marked failed and audited, where the system admin sees it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { getDb } from '@/lib/db/client';
import { databaseChannel } from '@/lib/mutations/notices/database-channel';
import { deliverWithRetries, dispatchOutward } from '@/lib/mutations/notices/dispatch';
import type { StoredNotice } from '@/lib/notices/channel';
import { backoffMs } from '@/lib/notices/retry';
import { signBody, verifySignature, webhookChannel } from '@/lib/notices/webhook-channel';
import { listInboxEntries } from '@/lib/queries/inbox/entries';
import { setupTestDatabase } from '../support/db';
import { makeReportingActor } from '../support/reporting';
import { makeUnit } from '../support/factories';

setupTestDatabase();

const SECRET = 'test-webhook-secret-0123456789';

interface Received {
  body: string;
  headers: http.IncomingHttpHeaders;
  at: number;
}

let server: http.Server;
let url: string;
let received: Received[] = [];
/** The status the receiver answers with, per request in order; 200 once the list is used up. */
let script: number[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers, at: Date.now() });
      res.statusCode = script.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function storedNotice(title: string): Promise<StoredNotice> {
  const db = await getDb();
  const unit = await makeUnit();
  return databaseChannel(db).record({ kind: 'supervision.raised', recipient: { unitId: unit.id }, title, body: '办理期限 2026-11-30', link: '/supervision/1' }, new Date('2026-11-15T02:00:00Z'));
}

test('a delivered notice is signed over timestamp and body, and the receiver can verify it', async () => {
  received = [];
  script = [];
  const notice = await storedNotice('新督办事项：签名');
  const result = await deliverWithRetries(webhookChannel({ url, secret: SECRET }), notice, { maxAttempts: 3, baseDelayMs: 10 });
  expect(result).toMatchObject({ status: 'delivered', attempts: 1 });
  expect(received).toHaveLength(1);
  const [{ body, headers }] = received;
  const timestamp = headers['x-beibei-timestamp'] as string;
  expect(headers['x-beibei-signature']).toBe(signBody(SECRET, timestamp, body));
  expect(verifySignature(SECRET, timestamp, body, headers['x-beibei-signature'] as string)).toBe(true);
  expect(verifySignature('another-secret-0123456789', timestamp, body, headers['x-beibei-signature'] as string)).toBe(false);
  expect(verifySignature(SECRET, timestamp, body.replace('签名', '篡改'), headers['x-beibei-signature'] as string)).toBe(false);
  expect(JSON.parse(body)).toMatchObject({ id: notice.id, kind: 'supervision.raised', title: '新督办事项：签名', link: '/supervision/1' });
  const row = await (await getDb()).noticeDelivery.findUniqueOrThrow({ where: { id: result.deliveryId } });
  expect(row).toMatchObject({ status: 'delivered', attempts: 1, channel: 'webhook', lastError: null });
});

test('failures are retried with growing waits until the receiver takes it', async () => {
  received = [];
  script = [500, 503];
  const notice = await storedNotice('新督办事项：重试');
  const base = 40;
  const result = await deliverWithRetries(webhookChannel({ url, secret: SECRET }), notice, { maxAttempts: 5, baseDelayMs: base });
  expect(result).toMatchObject({ status: 'delivered', attempts: 3 });
  expect(received).toHaveLength(3);
  // The waits grow: at least base, then at least 2 × base.
  expect(received[1].at - received[0].at).toBeGreaterThanOrEqual(backoffMs({ baseDelayMs: base }, 1) - 5);
  expect(received[2].at - received[1].at).toBeGreaterThanOrEqual(backoffMs({ baseDelayMs: base }, 2) - 5);
  // Every attempt is signed afresh and carries the same notice.
  expect(new Set(received.map((r) => JSON.parse(r.body).id))).toEqual(new Set([notice.id]));
});

test('after the last attempt it gives up: failed, audited, and shown to the system admin', async () => {
  received = [];
  script = [500, 500, 500, 500];
  const notice = await storedNotice('新督办事项：放弃');
  const db = await getDb();
  const auditBefore = await db.auditLog.count({ where: { event: 'notice.deliveryFailed' } });
  const result = await deliverWithRetries(webhookChannel({ url, secret: SECRET }), notice, { maxAttempts: 3, baseDelayMs: 5 });
  expect(result).toMatchObject({ status: 'failed', attempts: 3 });
  expect(received).toHaveLength(3);
  const row = await db.noticeDelivery.findUniqueOrThrow({ where: { id: result.deliveryId } });
  expect(row).toMatchObject({ status: 'failed', attempts: 3, lastError: 'HTTP 500' });
  expect(await db.auditLog.count({ where: { event: 'notice.deliveryFailed' } })).toBe(auditBefore + 1);

  const admin = await makeReportingActor({ roles: ['system_admin'] });
  const failed = await db.noticeDelivery.count({ where: { status: 'failed' } });
  expect(await listInboxEntries(admin)).toEqual([expect.objectContaining({ kind: 'notice.deliveryFailed', title: String(failed), href: '/admin/notices' })]);
});

test('a receiver that is not there counts as a failure too; no outward channel means nothing is sent', async () => {
  const notice = await storedNotice('新督办事项：无人接收');
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
  await new Promise((resolve) => closed.close(resolve));
  const result = await deliverWithRetries(webhookChannel({ url: deadUrl, secret: SECRET }), notice, { maxAttempts: 2, baseDelayMs: 5 });
  expect(result).toMatchObject({ status: 'failed', attempts: 2 });
  expect(await dispatchOutward([notice], [])).toEqual([]);
});
