// /api/v1 contract (issue 15): every endpoint called through its route handler with real Request objects against the
// real database, with valid, invalid and unauthorised requests; every answer checked against the generated OpenAPI
// document. A pushed figure lands in the review queue and, once approved, in the read endpoint; an idempotent push
// sent twice changes the database once.
import { vi } from 'vitest';

// Before any module reads the environment: the clock the routes use, and one trusted reverse proxy.
vi.hoisted(() => {
  process.env.APP_FIXED_NOW = '2026-11-03T02:00:00Z';
  process.env.API_TRUSTED_PROXIES = '1';
});

import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { GET as getPlan } from '@/app/api/v1/plan/route';
import { GET as getValues, POST as postValues, PUT as putValues } from '@/app/api/v1/values/route';
import { GET as getProgress } from '@/app/api/v1/tasks/progress/route';
import { GET as getBulletins } from '@/app/api/v1/bulletins/route';
import { GET as getBulletin } from '@/app/api/v1/bulletins/[month]/route';
import { GET as getCounts } from '@/app/api/v1/registry/counts/route';
import { GET as getEnterprises } from '@/app/api/v1/registry/enterprises/route';
import { POST as postImport } from '@/app/api/v1/registry/imports/route';
import { GET as getOpenApi } from '@/app/api/v1/openapi.json/route';
import { GET as getUnknown } from '@/app/api/v1/[...rest]/route';
import type { Actor } from '@/lib/actor';
import { systemClock } from '@/lib/clock';
import { getDb, openDatabase } from '@/lib/db/client';
import { windowStartOf } from '@/lib/api/rate';
import { countCall } from '@/lib/mutations/api/call-log';
import { createBulletinDraft, publishBulletin } from '@/lib/mutations/bulletin/draft';
import { revokeApiClient } from '@/lib/mutations/api/clients';
import { approveValues } from '@/lib/mutations/reporting/review';
import { getReviewQueue } from '@/lib/queries/reporting/queue';
import { getReportForm } from '@/lib/queries/reporting/form';
import { answer, apiRequest, call, makeClient } from '../support/api';
import { setupTestDatabase } from '../support/db';
import { loadBundledPlan, makeReportingActor, snapshot, type LoadedPlan } from '../support/reporting';
import { syntheticCode } from '../support/registry';

setupTestDatabase();

const now = systemClock();
const MONTH = '2026-10';
let plan: LoadedPlan;
let admin: Actor;
let reviewer: Actor;
let town: number;
/** The unit that reports the district's figure and its breakdown per 镇街. */
let bureau: number;
let item: { code: string; indicatorId: number; subjectUnitId: number; period: string; stage: 'final' | 'provisional' };
let reader: { id: number; token: string };
let reporter: { id: number; token: string };

beforeAll(async () => {
  plan = await loadBundledPlan();
  admin = await makeReportingActor({ roles: ['system_admin'] });
  reviewer = await makeReportingActor({ roles: ['bureau_reviewer'] });
  town = plan.unit('天生街道');
  // 区科技局's town figures are counted from the registry (never pushed); 区经济信息委 types its 规上高企 per 镇街.
  bureau = plan.unit('区经济信息委');
  const bureauUser = await makeReportingActor({ roles: ['unit_reporter'], unitId: bureau });
  const form = await getReportForm(bureauUser, { month: MONTH }, () => now);
  const counted = new Set((await (await getDb()).indicator.findMany({ select: { code: true, registryRule: true } })).filter((i) => i.registryRule !== null).map((i) => i.code));
  const indicator = form.indicators.find((i) => !counted.has(i.code) && i.items.some((x) => x.period === MONTH && x.subject.id === town))!;
  const first = indicator.items.find((x) => x.period === MONTH && x.subject.id === town)!;
  item = { code: indicator.code, indicatorId: indicator.id, subjectUnitId: first.subject.id, period: first.period, stage: first.stage };
  reader = await makeClient(admin, now, { scopes: ['read'] });
  reporter = await makeClient(admin, now, { scopes: ['report', 'read'], unitIds: [bureau], indicatorIds: [item.indicatorId] });
  await createBulletinDraft(reviewer, { month: '2026-09' }, now);
  const db = await getDb();
  const draft = await db.bulletin.findFirstOrThrow({ where: { month: '2026-09' } });
  await publishBulletin(reviewer, { month: '2026-09', version: draft.version }, now);
}, 120_000);

/** 区经济信息委 pushes 天生街道's figure (the district's breakdown per 镇街). */
const pushBody = (value: number | string, extra: Record<string, unknown> = {}) => ({ unitId: bureau, month: MONTH, values: [{ indicator: item.code, subjectUnitId: town, value, ...extra }] });

async function apiCalls(clientId: number) {
  const db = await getDb();
  return db.auditLog.findMany({ where: { event: 'api.request', targetId: String(clientId) }, orderBy: { id: 'asc' } });
}

describe('the OpenAPI document', () => {
  test('is OpenAPI 3.1, public, and documents every endpoint the routes serve', async () => {
    const a = await answer(await getOpenApi());
    expect(a.status).toBe(200);
    expect(a.body.openapi).toBe('3.1.0');
    const paths = a.body.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths).sort()).toEqual(['/bulletins', '/bulletins/{month}', '/plan', '/registry/counts', '/registry/enterprises', '/registry/imports', '/tasks/progress', '/values'].sort());
    expect(Object.keys(paths['/values']).sort()).toEqual(['get', 'post']);
    // The body schema is the one the route validates with: its strictness shows in the document.
    const body = (paths['/values'].post as { requestBody: { content: { 'application/json': { schema: { additionalProperties: boolean; required: string[] } } } } }).requestBody.content['application/json'].schema;
    expect(body.additionalProperties).toBe(false);
    expect(body.required.sort()).toEqual(['month', 'unitId', 'values']);
  });

  test('an unknown path or method answers JSON, never the HTML page', async () => {
    const unknown = await answer(await getUnknown());
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    const put = await answer(await putValues());
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
  });
});

describe('who may call', () => {
  test('no token, a malformed or unknown token: 401 with the stable code, audited', async () => {
    expect((await call(getPlan, 'GET', '/plan', { token: null })).body.error).toMatchObject({ code: 'unauthenticated', path: 'Authorization' });
    expect((await call(getPlan, 'GET', '/plan', { headers: { authorization: 'Basic abc' } })).body.error?.code).toBe('token_invalid');
    expect((await call(getPlan, 'GET', '/plan', { token: `bbk_${'A'.repeat(43)}` })).body.error?.code).toBe('token_invalid');
    const db = await getDb();
    const refused = await db.auditLog.count({ where: { event: 'api.request', result: 'failure', actorName: 'api:unknown' } });
    expect(refused).toBeGreaterThanOrEqual(3);
  });

  test('a signed-in browser cannot call it: a session cookie instead of a token is refused', async () => {
    const a = await call(getPlan, 'GET', '/plan', { headers: { cookie: 'next-auth.session-token=eyJhbGciOi.fake.session' } });
    expect(a.status).toBe(401);
    expect(a.body.error?.code).toBe('cookie_not_accepted');
    // With a token the cookie is ignored, never used.
    expect((await call(getPlan, 'GET', '/plan', { token: reader.token, headers: { cookie: 'next-auth.session-token=x' } })).status).toBe(200);
  });

  test('an expired token and a revoked token are refused on the next call', async () => {
    const expired = await makeClient(admin, now);
    const db = await getDb();
    await db.apiClient.update({ where: { id: expired.id }, data: { expiresAt: new Date(now.getTime() - 1000) } });
    expect((await call(getPlan, 'GET', '/plan', { token: expired.token })).body.error?.code).toBe('token_expired');

    const soon = await makeClient(admin, now);
    expect((await call(getPlan, 'GET', '/plan', { token: soon.token })).status).toBe(200);
    const row = await db.apiClient.findUniqueOrThrow({ where: { id: soon.id } });
    await revokeApiClient(admin, { clientId: soon.id, version: row.version }, now);
    const a = await call(getPlan, 'GET', '/plan', { token: soon.token });
    expect(a).toMatchObject({ status: 401, body: { error: { code: 'token_revoked' } } });
    const calls = await apiCalls(soon.id);
    expect(calls.map((c) => c.result)).toEqual(['success', 'failure']);
  });

  test('outside its scopes: a reader cannot push, a reporter cannot push for another unit or indicator', async () => {
    const before = await snapshot();
    expect((await call(postValues, 'POST', '/values', { token: reader.token, body: pushBody(1) })).body.error).toMatchObject({ code: 'out_of_scope' });
    const other = await call(postValues, 'POST', '/values', { token: reporter.token, body: { ...pushBody(1), unitId: plan.unit('区金融发展中心') } });
    expect(other).toMatchObject({ status: 403, body: { error: { code: 'out_of_scope', path: 'unitId' } } });
    const db = await getDb();
    const another = await db.indicator.findFirstOrThrow({ where: { planId: plan.planId, id: { not: item.indicatorId } } });
    const indicator = await call(postValues, 'POST', '/values', { token: reporter.token, body: { ...pushBody(1), values: [{ indicator: another.code, value: 1 }] } });
    expect(indicator).toMatchObject({ status: 403, body: { error: { code: 'out_of_scope', path: 'values.0.indicator' } } });
    const registryOnly = await makeClient(admin, now, { scopes: ['registry'] });
    expect((await call(getPlan, 'GET', '/plan', { token: registryOnly.token })).body.error?.code).toBe('out_of_scope');
    const after = await snapshot();
    expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 });
  });

  test('from a disallowed address: only the address the trusted proxy appended counts', async () => {
    const fenced = await makeClient(admin, now, { allowedIps: ['10.9.0.0/16', '192.0.2.7'] });
    expect((await call(getPlan, 'GET', '/plan', { token: fenced.token, from: '10.9.3.4' })).status).toBe(200);
    expect((await call(getPlan, 'GET', '/plan', { token: fenced.token, from: '192.0.2.7' })).status).toBe(200);
    expect((await call(getPlan, 'GET', '/plan', { token: fenced.token, from: '203.0.113.9' })).body.error?.code).toBe('address_not_allowed');
    // A caller's own X-Forwarded-For entry sits left of the proxy's: it cannot claim an allowed address.
    expect((await call(getPlan, 'GET', '/plan', { token: fenced.token, from: '10.9.3.4, 203.0.113.9' })).body.error?.code).toBe('address_not_allowed');
    expect((await call(getPlan, 'GET', '/plan', { token: fenced.token })).body.error?.code).toBe('address_not_allowed');
    const db = await getDb();
    const last = await db.auditLog.findFirstOrThrow({ where: { event: 'api.request', targetId: String(fenced.id) }, orderBy: { id: 'desc' } });
    expect(last).toMatchObject({ result: 'failure', actorName: expect.stringMatching(/^api:/) });
  });

  test('over the limit: 429 with Retry-After; concurrent calls are counted exactly in the database', async () => {
    const limited = await makeClient(admin, now, { rateLimitPerMinute: 3 });
    const answers = await Promise.all(Array.from({ length: 6 }, () => getBulletins(apiRequest('GET', '/bulletins', { token: limited.token })).then(answer)));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(3);
    for (const a of refused) {
      expect(a.body.error?.code).toBe('rate_limited');
      const retry = Number(a.headers.get('retry-after'));
      expect(retry).toBeGreaterThanOrEqual(1);
      expect(retry).toBeLessThanOrEqual(60);
    }
    const db = await getDb();
    expect((await db.apiRateWindow.findUniqueOrThrow({ where: { clientId: limited.id } })).count).toBe(6);
  });
});

describe('the rate counter shared by two app processes', () => {
  // Two processes are two connection pools on one database: here, the test's own and a second one opened on the
  // same schema. Every call gets its own number, and the stored count is the sum. (PGlite is one process by design.)
  test.skipIf(!process.env.DATABASE_URL)('calls counted through two pools at once each get a distinct number', async () => {
    const db = await getDb();
    const [{ schema }] = await db.$queryRaw<{ schema: string }[]>`SELECT current_schema() AS schema`;
    const second = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL!, schema });
    try {
      const client = await makeClient(admin, now);
      const window = windowStartOf(now);
      const counted = await Promise.all(Array.from({ length: 20 }, (_, i) => countCall(client.id, window, i % 2 === 0 ? db : second.prisma)));
      expect(counted.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect((await db.apiRateWindow.findUniqueOrThrow({ where: { clientId: client.id } })).count).toBe(20);
    } finally {
      await second.close();
    }
  });
});

describe('reading', () => {
  test('the plan: units, groups, tasks and indicators with milestones, as the platform holds them', async () => {
    const a = await call(getPlan, 'GET', '/plan', { token: reader.token });
    expect(a.status).toBe(200);
    const db = await getDb();
    const body = a.body as unknown as { indicators: { code: string; milestones: unknown[] }[]; tasks: unknown[]; units: unknown[]; groups: unknown[] };
    expect(body.indicators).toHaveLength(await db.indicator.count({ where: { planId: plan.planId } }));
    expect(body.tasks).toHaveLength(await db.task.count({ where: { planId: plan.planId } }));
    expect(body.groups).toHaveLength(await db.unitGroup.count({ where: { planId: plan.planId } }));
    const milestones = body.indicators.reduce((n, i) => n + i.milestones.length, 0);
    expect(milestones).toBe(await db.milestone.count({ where: { indicator: { planId: plan.planId } } }));
    expect((await call(getPlan, 'GET', '/plan', { token: reader.token, query: { extra: '1' } })).body.error).toMatchObject({ code: 'invalid_request' });
  });

  test('task progress, bulletins (published only), registry counts and enterprises answer in the documented shape', async () => {
    expect((await call(getProgress, 'GET', '/tasks/progress', { token: reader.token, query: { month: MONTH } })).status).toBe(200);
    expect((await call(getProgress, 'GET', '/tasks/progress', { token: reader.token, query: { month: '2026-13' } })).body.error).toMatchObject({ code: 'invalid_request', path: 'month' });
    const list = await call(getBulletins, 'GET', '/bulletins', { token: reader.token });
    expect((list.body.data as { month: string }[]).map((b) => b.month)).toEqual(['2026-09']);
    const one = await call(getBulletin, 'GET', '/bulletins/{month}', { token: reader.token, path: '/bulletins/2026-09', context: { params: Promise.resolve({ month: '2026-09' }) } });
    expect(one.status).toBe(200);
    expect(one.body.month).toBe('2026-09');
    const none = await call(getBulletin, 'GET', '/bulletins/{month}', { token: reader.token, path: '/bulletins/2026-08', context: { params: Promise.resolve({ month: '2026-08' }) } });
    expect(none.body.error?.code).toBe('not_found');
    const bad = await call(getBulletin, 'GET', '/bulletins/{month}', { token: reader.token, path: '/bulletins/x', context: { params: Promise.resolve({ month: 'x' }) } });
    expect(bad.body.error).toMatchObject({ code: 'invalid_request', path: 'month' });
    expect((await call(getCounts, 'GET', '/registry/counts', { token: reader.token, query: { from: '2026-10', to: '2026-09' } })).body.error).toMatchObject({ code: 'invalid_request', path: 'to' });
    expect((await call(getEnterprises, 'GET', '/registry/enterprises', { token: reader.token, query: { page: '0' } })).body.error?.code).toBe('invalid_request');
    expect((await call(getCounts, 'GET', '/registry/counts', { token: reader.token, query: { from: '2010-01', to: '2026-10' } })).body.error).toMatchObject({ code: 'invalid_request', path: 'from' });
  });
});

describe('pushing a town\'s monthly figure', () => {
  test('bad input is a clear 4xx naming the field, and changes nothing', async () => {
    const before = await snapshot();
    const cases: [Parameters<typeof call>[3], number, string, string | null][] = [
      [{ rawBody: '{"unitId": 1,' }, 400, 'malformed_json', null],
      [{ rawBody: JSON.stringify(pushBody(1)), headers: { 'content-type': 'text/plain' } }, 415, 'unsupported_media_type', 'Content-Type'],
      [{ rawBody: `{"unitId":${bureau},"month":"${MONTH}","values":[{"indicator":"x","value":"${'9'.repeat(3 * 1024 * 1024)}"}]}` }, 413, 'payload_too_large', null],
      [{ body: { ...pushBody(1), unitId: 'seven' } }, 422, 'validation_failed', 'unitId'],
      [{ body: { ...pushBody(1), status: 'approved' } }, 422, 'validation_failed', 'status'],
      [{ body: pushBody(1, { status: 'approved' }) }, 422, 'validation_failed', 'values.0.status'],
      [{ body: pushBody('abc') }, 422, 'validation_failed', 'values.0.value'],
      [{ body: pushBody(1, { period: '2026-1' }) }, 422, 'validation_failed', 'values.0.period'],
      [{ body: { unitId: bureau, month: MONTH, values: [] } }, 422, 'validation_failed', 'values'],
      [{ body: [1, 2, 3] }, 422, 'validation_failed', null],
      [{ body: pushBody(-5) }, 422, 'validation_failed', 'values.0.value'],
    ];
    for (const [options, status, code, path] of cases) {
      const a = await call(postValues, 'POST', '/values', { token: reporter.token, ...options });
      expect({ status: a.status, code: a.body.error?.code }, JSON.stringify(a.body).slice(0, 300)).toEqual({ status, code });
      if (path !== null) expect(a.body.error?.path).toBe(path);
      expect(a.body.error?.message.zh.length).toBeGreaterThan(0);
      expect(a.body.error?.message.en.length).toBeGreaterThan(0);
    }
    const after = await snapshot();
    expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 });
  });

  test('lands in the review queue as submitted, never approved; once approved, the read endpoint shows it', async () => {
    const a = await call(postValues, 'POST', '/values', { token: reporter.token, body: pushBody(12) });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ created: 1, submitted: 1 });
    const pushed = (a.body.values as { id: number; status: string }[])[0];
    expect(pushed.status).toBe('submitted');
    const db = await getDb();
    const stored = await db.indicatorValue.findUniqueOrThrow({ where: { id: pushed.id } });
    expect(stored).toMatchObject({ status: 'submitted', source: 'api', reporterUnitId: bureau, unitId: town });
    expect(Number(stored.value)).toBe(12);

    const queue = await getReviewQueue(reviewer, { planId: plan.planId, month: MONTH }, () => now);
    const row = queue.rows.find((r) => r.unit.id === bureau)!;
    expect(row.items.submitted).toBe(1);
    expect(row.items.approved).toBe(0);

    const readBefore = await call(getValues, 'GET', '/values', { token: reader.token, query: { indicator: item.code, unit: String(item.subjectUnitId), from: MONTH, to: MONTH } });
    expect(readBefore.body.data).toEqual([]);
    await approveValues(reviewer, { items: [{ valueId: pushed.id, version: stored.version }] }, () => now);
    const readAfter = await call(getValues, 'GET', '/values', { token: reader.token, query: { indicator: item.code, unit: String(item.subjectUnitId), from: MONTH, to: MONTH } });
    expect(readAfter.body.data).toMatchObject([{ id: pushed.id, month: MONTH, value: 12, indicator: { code: item.code }, unit: { id: item.subjectUnitId } }]);

    // Approved figures are locked: pushing another value is refused, the same value is harmless.
    expect((await call(postValues, 'POST', '/values', { token: reporter.token, body: pushBody(13) })).body.error).toMatchObject({ code: 'validation_failed', path: 'values.0.value' });
    expect((await call(postValues, 'POST', '/values', { token: reporter.token, body: pushBody(12) })).body).toMatchObject({ created: 0, changed: 0, submitted: 0 });
    const audit = await db.auditLog.findMany({ where: { event: { in: ['reporting.api.pushed', 'reporting.submitted'] }, actorName: { startsWith: 'api:' } } });
    expect(audit.map((r) => r.event).sort()).toEqual(['reporting.api.pushed', 'reporting.submitted']);
  });

  test('pages of approved values follow a stable cursor: every approved row once, in id order', async () => {
    const db = await getDb();
    const all = await db.indicatorValue.findMany({ where: { status: 'approved' }, select: { id: true }, orderBy: { id: 'asc' } });
    const seen: number[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const a: Awaited<ReturnType<typeof call>> = await call(getValues, 'GET', '/values', { token: reader.token, query: { limit: '1', ...(cursor ? { cursor } : {}) } });
      seen.push(...(a.body.data as { id: number }[]).map((r) => r.id));
      cursor = a.body.nextCursor as string | null;
      if (!cursor) break;
    }
    expect(seen).toEqual(all.map((r) => r.id));
    expect((await call(getValues, 'GET', '/values', { token: reader.token, query: { cursor: 'not-ours' } })).body.error).toMatchObject({ code: 'invalid_request', path: 'cursor' });
    expect((await call(getValues, 'GET', '/values', { token: reader.token, query: { limit: '501' } })).body.error).toMatchObject({ code: 'invalid_request', path: 'limit' });
  });

  test('a figure of a registry-counted indicator is refused, naming the field in Chinese and English, and changes nothing', async () => {
    const kjj = plan.unit('区科技局');
    const highTech = await plan.indicatorId('high_tech_enterprises');
    const client = await makeClient(admin, now, { scopes: ['report', 'read'], unitIds: [kjj], indicatorIds: [highTech] });
    const before = await snapshot();
    const refused = await call(postValues, 'POST', '/values', { token: client.token, body: { unitId: kjj, month: MONTH, values: [{ indicator: 'high_tech_enterprises', subjectUnitId: town, value: 30 }] } });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'validation_failed', path: 'values.0.value' });
    const detail = (refused.body.error as unknown as { details: { path: string; message: { zh: string; en: string } }[] }).details[0];
    expect(detail.path).toBe('values.0.value');
    expect(detail.message.zh).toContain('企业库');
    expect(detail.message.en).toContain('registry');
    expect({ ...(await snapshot()), audit: 0 }).toEqual({ ...before, audit: 0 });
  });

  test('the same push sent twice with an Idempotency-Key changes the database once and answers the same', async () => {
    const db = await getDb();
    const otherMonth = '2026-11';
    // October's figure was 12: 21 is a jump the soft checks flag, so the push explains it, as the form would ask.
    const body = { unitId: bureau, month: otherMonth, values: [{ indicator: item.code, subjectUnitId: town, value: 21, period: otherMonth, comment: '新认定一批企业' }] };
    const unexplained = await call(postValues, 'POST', '/values', { token: reporter.token, body: { ...body, values: [{ ...body.values[0], comment: undefined }] } });
    expect(unexplained.body.error).toMatchObject({ code: 'validation_failed', path: 'values.0.comment' });
    const events = () => db.valueEvent.count({ where: { value: { indicatorId: item.indicatorId, unitId: item.subjectUnitId, month: otherMonth } } });
    const pushes = () => db.auditLog.count({ where: { event: 'reporting.api.pushed' } });
    const [e0, p0] = [await events(), await pushes()];
    const key = 'push-2026-11-tiansheng-01';
    const first = await call(postValues, 'POST', '/values', { token: reporter.token, body, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(200);
    const [e1, p1] = [await events(), await pushes()];
    expect(e1 - e0).toBe(2); // entered, submitted
    const second = await call(postValues, 'POST', '/values', { token: reporter.token, body, headers: { 'idempotency-key': key } });
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotency-replayed')).toBe('true');
    expect([await events(), await pushes()]).toEqual([e1, p1]);
    expect(p1 - p0).toBe(1);
    const reused = await call(postValues, 'POST', '/values', { token: reporter.token, body: { ...body, values: [{ ...body.values[0], value: 22 }] }, headers: { 'idempotency-key': key } });
    expect(reused.body.error).toMatchObject({ code: 'idempotency_key_reused', path: 'Idempotency-Key' });
    expect((await call(postValues, 'POST', '/values', { token: reporter.token, body, headers: { 'idempotency-key': 'short' } })).body.error?.code).toBe('idempotency_key_invalid');
    expect(await events()).toBe(e1);
  });
});

describe('pushing enterprise rows into the registry', () => {
  test('dryRun plans and writes nothing; commit writes every row; counts and the list show them', async () => {
    const pusher = await makeClient(admin, now, { scopes: ['registry', 'read'] });
    const rows = [0, 1, 2].map((i) => ({ creditCode: syntheticCode(900 + i), name: `接口测试企业${i}`, town: '天生街道', year: 2025, validFrom: '2025-12-01' }));
    const db = await getDb();
    const firms = () => db.enterprise.count();
    const f0 = await firms();
    const dry = await call(postImport, 'POST', '/registry/imports', { token: pusher.token, body: { list: 'high_tech', mode: 'dryRun', rows } });
    expect(dry.body).toMatchObject({ mode: 'dryRun', committed: false, counts: { created: 3, refused: 0 } });
    expect(await firms()).toBe(f0);
    const bad = await call(postImport, 'POST', '/registry/imports', { token: pusher.token, body: { list: 'high_tech', mode: 'commit', rows: [...rows, { creditCode: 'nope', name: '' }] } });
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', path: 'rows.3' });
    expect(await firms()).toBe(f0);
    const commit = await call(postImport, 'POST', '/registry/imports', { token: pusher.token, body: { list: 'high_tech', mode: 'commit', rows } });
    expect(commit.body).toMatchObject({ committed: true, counts: { created: 3 } });
    expect(await firms()).toBe(f0 + 3);
    const counts = await call(getCounts, 'GET', '/registry/counts', { token: pusher.token, query: { kind: 'high_tech', from: '2025-12', to: '2026-10' } });
    const series = counts.body.data as { month: string; total: number; byUnit: { unitId: number; count: number }[] }[];
    expect(series).toHaveLength(11);
    expect(series.at(-1)!.total).toBe(f0 + 3);
    expect(series.at(-1)!.byUnit).toContainEqual({ unitId: town, count: 3 });
    const list = await call(getEnterprises, 'GET', '/registry/enterprises', { token: pusher.token, query: { town: String(town) } });
    expect((list.body.data as { name: string }[]).map((r) => r.name).sort()).toEqual(rows.map((r) => r.name).sort());
    expect((await call(postImport, 'POST', '/registry/imports', { token: reader.token, body: { list: 'high_tech', mode: 'dryRun', rows } })).body.error?.code).toBe('out_of_scope');
  });
});

describe('the audit trail', () => {
  test('every call leaves one api.request row naming client, endpoint, outcome and rows', async () => {
    const fresh = await makeClient(admin, now);
    await call(getValues, 'GET', '/values', { token: fresh.token, query: { limit: '2' } });
    await call(getValues, 'GET', '/values', { token: fresh.token, query: { limit: 'x' } });
    const rows = await apiCalls(fresh.id);
    expect(rows.map((r) => [r.result, (r.after as { endpoint: string }).endpoint, (r.after as { status: number }).status])).toEqual([
      ['success', 'GET /values', 200],
      ['failure', 'GET /values', 400],
    ]);
    expect((rows[0].after as { rows: number }).rows).toBeLessThanOrEqual(2);
  });

  test('only the token\'s hash is stored', async () => {
    const db = await getDb();
    const row = await db.apiClient.findUniqueOrThrow({ where: { id: reader.id } });
    expect(row.tokenHash).toBe(createHash('sha256').update(reader.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(reader.token);
    const audit = await db.auditLog.findMany({ where: { event: 'apiClient.created' } });
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit.map((a) => [a.before, a.after, a.reason]))).not.toContain(reader.token.slice(12));
  });
});
