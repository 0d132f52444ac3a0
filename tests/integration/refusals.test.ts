// A refused request leaves an audit row of its own (lib/mutations/refusals.ts), even though the refused work rolled back.
import { expect, test } from 'vitest';
import { getDb } from '@/lib/db/client';
import { ForbiddenError } from '@/lib/errors';
import { setUserDisabled } from '@/lib/mutations/users';
import { recordRefusal } from '@/lib/mutations/refusals';
import { recordAudit } from '@/lib/audit';
import { setupTestDatabase } from '../support/db';
import { actorFor, makeUser } from '../support/factories';

setupTestDatabase();

test('a domain refusal changes nothing, and its record survives the rollback', async () => {
  const db = await getDb();
  const viewer = await makeUser({ roles: ['viewer'] });
  const target = await makeUser();
  const actor = actorFor(viewer, ['viewer'], { sessionId: 'sess-1', ip: '10.1.2.3' });
  const refusal = await setUserDisabled(actor, { userId: target.id, disabled: true, reason: '试探', version: target.version }, new Date()).catch((e: unknown) => e);
  expect(refusal).toBeInstanceOf(ForbiddenError);
  await recordRefusal(actor, { action: 'setUserDisabled', reason: (refusal as ForbiddenError).messageEn });

  expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).disabled).toBe(false);
  const rows = await db.auditLog.findMany({ where: { event: 'authz.denied' } });
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ actorId: viewer.id, actorName: viewer.username, actorRole: 'viewer', sessionId: 'sess-1', ip: '10.1.2.3', targetType: 'action', targetId: 'setUserDisabled', result: 'failure', reason: 'You are not allowed to do this' });
});

test('whatever the request named, the record is bounded', async () => {
  const db = await getDb();
  const viewer = await makeUser({ roles: ['viewer'] });
  await recordRefusal(actorFor(viewer, ['viewer']), { action: 'x'.repeat(5000), reason: '页'.repeat(5000) });
  const [row] = await db.auditLog.findMany({ where: { event: 'authz.denied', actorId: viewer.id } });
  expect(row.targetId).toHaveLength(200);
  expect(row.reason).toHaveLength(500);
});

test('found by fuzzing: text with a lone surrogate is written to the audit log made well-formed, never failing the write', async () => {
  const db = await getDb();
  const viewer = await makeUser({ roles: ['viewer'] });
  const actor = actorFor(viewer, ['viewer']);
  await db.$transaction((tx) => recordAudit(tx, actor, { event: 'authz.denied', targetType: 'action', targetId: 'x', result: 'failure', after: { message: '催办\ud800', pair: '👍' } }));
  const [row] = await db.auditLog.findMany({ where: { event: 'authz.denied', actorId: viewer.id } });
  expect(row.after).toEqual({ message: '催办\uFFFD', pair: '👍' });
});
