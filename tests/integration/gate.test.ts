// The one gate (lib/gate/) at each of its three doors: server actions, route handlers and page guards. Each door is
// called through its request-free core with a session resolved from the Session table, as a request would have it;
// every refusal for want of a permission leaves one `authz.denied` row, whichever door it came to.
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { runAction } from '@/lib/gate/action';
import { gateMessages } from '@/lib/gate/messages';
import { admitPage } from '@/lib/gate/page';
import { runRoute } from '@/lib/gate/route';
import type { Role } from '@/lib/generated/prisma/enums';
import { resolveSession, type SessionState } from '@/lib/mutations/auth';
import { openSession } from '../support/accounts';
import { setupTestDatabase } from '../support/db';
import { makeUser } from '../support/factories';

setupTestDatabase();

const client = { ip: '10.9.8.7', userAgent: 'vitest' };
const schema = z.object({ name: z.string().min(2) }).strict();

async function sessionOf(roles: Role[], options: { mustChangePassword?: boolean } = {}): Promise<SessionState> {
  const user = await makeUser({ roles, mustChangePassword: options.mustChangePassword });
  // The admin roles always need a second factor (lib/permissions.ts): enrolled, or every request would be pending.
  if (roles.some((r) => r.endsWith('_admin'))) await (await getDb()).user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
  const now = new Date();
  const state = await resolveSession(await openSession(user.id, now), client, now);
  if (!state) throw new Error('the session did not resolve');
  return state;
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

async function refusalsOf(actor: Actor) {
  const db = await getDb();
  return db.auditLog.findMany({ where: { event: 'authz.denied', actorId: actor.userId }, orderBy: { id: 'asc' } });
}

let viewer: SessionState;
let sysadmin: SessionState;
let pending: SessionState;
beforeAll(async () => {
  [viewer, sysadmin, pending] = await Promise.all([sessionOf(['viewer']), sessionOf(['system_admin']), sessionOf(['leader'], { mustChangePassword: true })]);
});

describe('server actions (runAction)', () => {
  const options = { schema, permission: 'user.manage' as const, name: 'gateTestAction' };
  const echo = async (actor: Actor, input: { name: string }) => `${actor.username}:${input.name}`;

  test('no session: asked to sign in again, told the input is kept, and nothing recorded', async () => {
    const db = await getDb();
    const before = await db.auditLog.count();
    const state = await runAction(null, 'zh-CN', options, echo, form({ name: '张三' }));
    expect(state).toEqual({ status: 'error', message: gateMessages['zh-CN'].signInKept, values: { name: '张三' } });
    expect(await db.auditLog.count()).toBe(before);
  });

  test('a pending password change blocks every action but the account ones', async () => {
    const refused = await runAction(pending, 'en', { ...options, permission: 'dashboard.view' }, echo, form({ name: 'ab' }));
    expect(refused.message).toBe(gateMessages.en.pending);
    const own = await runAction(pending, 'en', { ...options, permission: 'account.manageOwn' }, echo, form({ name: 'ab' }));
    expect(own).toMatchObject({ status: 'success', data: `${pending.actor.username}:ab` });
  });

  test('a role without the permission is refused before the handler runs, and the refusal is audited', async () => {
    let ran = false;
    const state = await runAction(viewer, 'zh-CN', options, async () => ((ran = true), 'x'), form({ name: '张三', password: 'secret' }));
    expect(ran).toBe(false);
    expect(state.message).toBe(new ForbiddenError().message);
    expect(state.values).toEqual({ name: '张三' }); // passwords are never echoed back
    const rows = await refusalsOf(viewer.actor);
    expect(rows.map((r) => [r.targetId, r.result, r.reason, r.ip])).toEqual([['gateTestAction', 'failure', null, client.ip]]);
  });

  test('an admitted user gets every field message in their language, then the handler result', async () => {
    const invalid = await runAction(sysadmin, 'en', options, echo, form({ name: 'x', extra: '1' }));
    expect(invalid.status).toBe('error');
    expect(invalid.fieldErrors?.name).toHaveLength(1);
    expect(invalid.fieldErrors!.name[0]).not.toMatch(/[\u4e00-\u9fff]/); // English, as asked
    expect(invalid.message).toMatch(/extra/); // the unknown field is refused by the strict schema, by name
    const ok = await runAction(sysadmin, 'en', options, echo, form({ name: 'Zhang' }));
    expect(ok).toEqual({ status: 'success', data: `${sysadmin.actor.username}:Zhang` });
  });

  test('a refusal by the domain itself is audited with its reason; an unexpected error is logged with an id', async () => {
    const domain = await runAction(sysadmin, 'en', { ...options, name: 'gateDomainRefusal' }, async () => {
      throw new ForbiddenError('不是本单位', 'Not your unit');
    }, form({ name: 'Zhang' }));
    expect(domain.message).toBe('Not your unit');
    expect((await refusalsOf(sysadmin.actor)).map((r) => [r.targetId, r.reason])).toEqual([['gateDomainRefusal', 'Not your unit']]);

    const broken = await runAction(sysadmin, 'zh-CN', options, async () => {
      throw new Error('boom');
    }, form({ name: 'Zhang' }));
    expect(broken.message).toMatch(new RegExp(`^${gateMessages['zh-CN'].unexpected}[0-9a-f]{8}$`));
    expect(await refusalsOf(sysadmin.actor)).toHaveLength(1);
  });
});

describe('route handlers (runRoute)', () => {
  const query = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/) }).strict();
  const options = { schema: query, permission: 'audit.export' as const, name: 'gateTestRoute' };
  const file = async (_actor: Actor, input: { month: string }) => new Response(input.month);
  const params = (q: string) => new URLSearchParams(q);

  test('no session is 401, a pending step 403, both as JSON in the language of the cookie', async () => {
    const anonymous = await runRoute(null, 'en', params('month=2026-10'), options, file);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: gateMessages.en.signIn });
    const blocked = await runRoute(pending, 'zh-CN', params('month=2026-10'), options, file);
    expect(blocked.status).toBe(403);
    expect(await blocked.json()).toEqual({ error: gateMessages['zh-CN'].pending });
  });

  test('a role without the permission gets 403 and an audit row', async () => {
    const auditor = await sessionOf(['audit_admin']);
    const other = await sessionOf(['security_admin']);
    const refused = await runRoute(other, 'zh-CN', params('month=2026-10'), options, file);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: new ForbiddenError().message });
    expect((await refusalsOf(other.actor)).map((r) => r.targetId)).toEqual(['gateTestRoute']);

    const allowed = await runRoute(auditor, 'zh-CN', params('month=2026-10'), options, file);
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toBe('2026-10');
    expect(await refusalsOf(auditor.actor)).toHaveLength(0);
  });

  test('a bad or repeated parameter is 400 with per-field messages; a domain NotFoundError is 404', async () => {
    const auditor = await sessionOf(['audit_admin']);
    const repeated = await runRoute(auditor, 'en', params('month=2026-10&month=2026-11'), options, file);
    expect(repeated.status).toBe(400);
    expect(Object.keys((await repeated.json()).fieldErrors)).toEqual(['month']);
    const missing = await runRoute(auditor, 'en', params('month=2026-10'), options, async () => {
      throw new NotFoundError('没有', 'Nothing there');
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'Nothing there' });
  });
});

describe('page guards (admitPage)', () => {
  test('a role without the permission gets the 403 panel with a way home, and the refusal is audited', async () => {
    const auditor = await sessionOf(['audit_admin']);
    const { refused } = await admitPage(auditor, 'zh-CN', 'dashboard.view', '/tasks');
    expect(refused).not.toBeNull();
    const html = renderToStaticMarkup(refused!);
    expect(html).toContain(gateMessages['zh-CN'].forbiddenTitle);
    expect(html).toContain(gateMessages['zh-CN'].forbiddenPage);
    expect(html).toContain('href="/admin/audit"'); // the audit admin's own home
    const rows = await refusalsOf(auditor.actor);
    expect(rows.map((r) => [r.targetId, r.reason])).toEqual([['dashboard.view', 'page /tasks']]);
  });

  test("a page's own wording replaces the default; an allowed user gets no panel and no row", async () => {
    const reporter = await sessionOf(['viewer']);
    const { refused } = await admitPage(reporter, 'en', 'audit.view', '/admin/audit', { title: 'Not allowed', message: 'For the audit admin only' });
    expect(renderToStaticMarkup(refused!)).toContain('For the audit admin only');
    const allowed = await admitPage(reporter, 'en', 'dashboard.view', '/');
    expect(allowed.refused).toBeNull();
    expect(allowed.actor).toEqual(reporter.actor);
    expect(await refusalsOf(reporter.actor)).toHaveLength(1);
  });
});

test('the three doors write the same refusal record', async () => {
  const someone = await sessionOf(['leader']);
  await runAction(someone, 'zh-CN', { schema, permission: 'user.manage', name: 'sameRecord' }, async () => 'x', form({ name: 'ab' }));
  await runRoute(someone, 'zh-CN', new URLSearchParams(), { schema: z.object({}).strict(), permission: 'user.manage', name: 'sameRecord' }, async () => new Response(''));
  await admitPage(someone, 'zh-CN', 'user.manage', '/admin/users');
  const rows = await refusalsOf(someone.actor);
  expect(rows).toHaveLength(3);
  for (const row of rows) expect(row).toMatchObject({ event: 'authz.denied', targetType: 'action', result: 'failure', actorName: someone.actor.username, actorRole: 'leader', sessionId: someone.actor.sessionId, ip: client.ip });
});
