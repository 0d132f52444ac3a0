// A user sees and ends their own sessions (ASVS 7.5.2): lib/queries/security.ts listOwnSessions, lib/mutations/auth.ts
// endOwnSessions. Sessions are named by a handle, never by the id the cookie carries.
import { expect, test } from 'vitest';
import { sessionHandle } from '@/lib/auth/session-handle';
import { getDb } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { endOwnSessions, resolveSession, signIn } from '@/lib/mutations/auth';
import { listOwnSessions } from '@/lib/queries/security';
import { setupTestDatabase } from '../support/db';
import { GOOD_PASSWORD, makeUser } from '../support/factories';

setupTestDatabase();
process.env.NEXTAUTH_SECRET ??= 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';

const t0 = new Date('2026-11-16T09:00:00+08:00');
const minutes = (m: number) => new Date(t0.getTime() + m * 60_000);
const office = { ip: '10.0.0.8', userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/140.0 Safari/537.36' };
const phone = { ip: '10.9.9.9', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Version/18.0 Safari/604.1' };

async function signedIn(client: typeof office, at = t0) {
  const user = await makeUser({ roles: ['leader'] });
  const first = await signIn({ username: user.username, password: GOOD_PASSWORD }, client, at);
  return { user, first, actor: (await resolveSession(first.sessionId, client, at))!.actor };
}

test('lists only the user\'s own live sessions, the current one first, by handle', async () => {
  const { user, first, actor } = await signedIn(office);
  const second = await signIn({ username: user.username, password: GOOD_PASSWORD }, phone, minutes(5));
  const stale = await signIn({ username: user.username, password: GOOD_PASSWORD }, phone, minutes(-40)); // idle past 30 min
  const stranger = await signedIn(phone);

  const listed = await listOwnSessions(actor, minutes(6));
  expect(listed.map((s) => [s.handle, s.current, s.ip])).toEqual([
    [sessionHandle(first.sessionId), true, office.ip],
    [sessionHandle(second.sessionId), false, phone.ip],
  ]);
  const shown = JSON.stringify(listed);
  for (const id of [first.sessionId, second.sessionId, stale.sessionId, stranger.first.sessionId]) expect(shown).not.toContain(id);
});

test('ending one other session, or all the others, keeps the current one; each ending is audited', async () => {
  const { user, first, actor } = await signedIn(office);
  const phones = [];
  for (let i = 0; i < 3; i++) phones.push(await signIn({ username: user.username, password: GOOD_PASSWORD }, phone, minutes(i + 1)));

  expect(await endOwnSessions(actor, { session: sessionHandle(phones[0].sessionId) }, minutes(5))).toEqual({ count: 1 });
  expect(await resolveSession(phones[0].sessionId, phone, minutes(6))).toBeNull();
  expect(await resolveSession(phones[1].sessionId, phone, minutes(6))).not.toBeNull();

  expect(await endOwnSessions(actor, { session: 'others' }, minutes(7))).toEqual({ count: 2 });
  for (const p of phones) expect(await resolveSession(p.sessionId, phone, minutes(8))).toBeNull();
  expect(await resolveSession(first.sessionId, office, minutes(8))).not.toBeNull();

  const db = await getDb();
  const rows = await db.auditLog.findMany({ where: { event: 'auth.sessionRevoked', actorId: user.id, reason: 'ended by the user' } });
  expect(rows.map((r) => r.targetId).sort()).toEqual(phones.map((p) => p.sessionId.slice(0, 12)).sort());
});

test('the current session, someone else\'s, or an unknown handle: not found, and nothing changes', async () => {
  const { first, actor } = await signedIn(office);
  const stranger = await signedIn(phone);
  const db = await getDb();
  const before = await db.session.findMany({ orderBy: { id: 'asc' } });
  for (const handle of [sessionHandle(first.sessionId), sessionHandle(stranger.first.sessionId), '0123456789abcdef']) {
    await expect(endOwnSessions(actor, { session: handle }, minutes(1))).rejects.toBeInstanceOf(NotFoundError);
  }
  expect(await db.session.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
});
