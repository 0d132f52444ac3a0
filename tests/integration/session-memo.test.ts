// The session check keeps each session row with the database's data version it was read at (lib/mutations/auth.ts):
// pages then cost one one-row query, and any write, even one made behind the application's back, forces a re-read.
import { beforeEach, describe, expect, test } from 'vitest';
import { getDb } from '@/lib/db/client';
import { resolveSession, signIn, signOut } from '@/lib/mutations/auth';
import { setupTestDatabase } from '../support/db';
import { GOOD_PASSWORD, makeUser } from '../support/factories';

const statements: string[] = [];
setupTestDatabase({ onQuery: (sql) => statements.push(sql) });
process.env.NEXTAUTH_SECRET ??= 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';

const client = { ip: '10.0.0.9', userAgent: 'vitest' };
const t0 = new Date('2026-11-16T09:00:00+08:00');
const seconds = (s: number) => new Date(t0.getTime() + s * 1000);

const sessionReads = () => statements.filter((sql) => /FROM "[^"]*"?\.?"?Session"/.test(sql)).length;

async function openSession() {
  const user = await makeUser({ roles: ['leader'] });
  const { sessionId } = await signIn({ username: user.username, password: GOOD_PASSWORD }, client, t0);
  return { user, sessionId };
}

beforeEach(() => {
  statements.length = 0;
});

describe('session check', () => {
  test('while nothing is written, a repeated check reads the data version only, not the session, user or unit', async () => {
    const { sessionId, user } = await openSession();
    expect(await resolveSession(sessionId, client, seconds(1))).toMatchObject({ actor: { userId: user.id } });
    const readsAfterFirst = sessionReads();
    expect(readsAfterFirst).toBe(1);
    statements.length = 0;
    for (let s = 2; s < 12; s++) expect(await resolveSession(sessionId, client, seconds(s))).toMatchObject({ actor: { userId: user.id } });
    expect(sessionReads()).toBe(0);
    expect(statements.length).toBe(10); // one data-version query per check
    expect(statements.every((sql) => sql.includes('"DataVersion"'))).toBe(true);
  });

  test('a revocation written straight into the database, past the application, is refused on the next check', async () => {
    const { sessionId } = await openSession();
    expect(await resolveSession(sessionId, client, seconds(1))).not.toBeNull();
    expect(await resolveSession(sessionId, client, seconds(2))).not.toBeNull();
    const db = await getDb();
    await db.$executeRaw`UPDATE "Session" SET "revokedAt" = now(), "revokedReason" = 'test' WHERE "id" = ${sessionId}`;
    expect(await resolveSession(sessionId, client, seconds(3))).toBeNull();
  });

  test('a user disabled, or given other roles, in the database is seen on the next check', async () => {
    const { sessionId, user } = await openSession();
    expect((await resolveSession(sessionId, client, seconds(1)))?.actor.roles).toEqual(['leader']);
    const db = await getDb();
    await db.$executeRaw`UPDATE "User" SET "roles" = ARRAY['viewer']::"Role"[] WHERE "id" = ${user.id}`;
    expect((await resolveSession(sessionId, client, seconds(2)))?.actor.roles).toEqual(['viewer']);
    await db.$executeRaw`UPDATE "User" SET "disabled" = true WHERE "id" = ${user.id}`;
    expect(await resolveSession(sessionId, client, seconds(3))).toBeNull();
  });

  test('sign-out is refused at once', async () => {
    const { sessionId } = await openSession();
    const state = await resolveSession(sessionId, client, seconds(1));
    expect(await resolveSession(sessionId, client, seconds(2))).not.toBeNull();
    await signOut(state!.actor, seconds(3));
    expect(await resolveSession(sessionId, client, seconds(4))).toBeNull();
  });

  test('the idle timeout is judged afresh on a remembered row, with no write in between', async () => {
    const { sessionId } = await openSession();
    expect(await resolveSession(sessionId, client, seconds(1))).not.toBeNull();
    statements.length = 0;
    expect(await resolveSession(sessionId, client, seconds(31 * 60 + 1))).toBeNull();
    expect(statements[0]).toContain('"DataVersion"');
  });
});
