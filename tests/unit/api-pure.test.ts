// The API's pure parts: bearer parsing, token hashing, source addresses behind a trusted proxy, CIDR rules, the
// cursor, the rate-limit window, scopes, the error shape, and the generated OpenAPI document.
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { addressAllowed, clientAddress, isAddressRule } from '@/lib/api/address';
import { decodeCursor, encodeCursor } from '@/lib/api/cursor';
import { endpoints } from '@/lib/api/endpoints';
import { ApiError, apiErrorCodes, fromZodIssues } from '@/lib/api/errors';
import { openApiDocument } from '@/lib/api/openapi';
import { decideRate, RATE_WINDOW_MS, windowStartOf } from '@/lib/api/rate';
import { apiCan, mayReportIndicator, type ApiGrant } from '@/lib/api/scope';
import { bearerToken, generateToken, hashToken, tokenPrefixOf } from '@/lib/api/token';
import { apiActor } from '@/lib/actor';
import { can, canReadPlan } from '@/lib/permissions';
import { pushValuesSchema } from '@/lib/schemas/api/requests';

describe('tokens', () => {
  test('are 256 random bits behind a prefix; only the SHA-256 is kept', () => {
    const a = generateToken();
    const b = generateToken();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^bbk_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.slice(4), 'base64url')).toHaveLength(32);
    expect(hashToken(a)).toBe(createHash('sha256').update(a).digest('hex'));
    expect(tokenPrefixOf(a)).toBe(a.slice(0, 10));
  });

  test.each([
    [null, { problem: 'missing' }],
    ['', { problem: 'missing' }],
    ['Basic dXNlcjpwYXNz', { problem: 'malformed' }],
    ['Bearer', { problem: 'malformed' }],
    ['Bearer short', { problem: 'malformed' }],
    [`Bearer bbk_${'a'.repeat(43)} extra`, { problem: 'malformed' }],
    [`Bearer bbk_${'a'.repeat(43)}`, { token: `bbk_${'a'.repeat(43)}` }],
    [`bearer  bbk_${'b'.repeat(43)}`, { token: `bbk_${'b'.repeat(43)}` }],
  ])('Authorization %j → %j', (header, expected) => {
    expect(bearerToken(header)).toEqual(expected);
  });
});

describe('source addresses', () => {
  test.each([
    ['203.0.113.9', 0, null],
    ['203.0.113.9', 1, '203.0.113.9'],
    ['10.0.0.1, 203.0.113.9', 1, '203.0.113.9'],
    ['10.0.0.1, 203.0.113.9', 2, '10.0.0.1'],
    ['203.0.113.9', 2, null],
    ['not-an-ip', 1, null],
    ['[2001:db8::1]:443', 1, '2001:db8::1'],
    ['198.51.100.4:5000', 1, '198.51.100.4'],
    ['::ffff:10.1.2.3', 1, '10.1.2.3'],
  ])('X-Forwarded-For %j with %i trusted proxies → %j', (header, hops, expected) => {
    expect(clientAddress(header, hops)).toBe(expected);
  });

  test.each([
    ['10.1.2.3', true],
    ['10.1.2.0/24', true],
    ['2001:db8::/32', true],
    ['10.1.2.0/33', false],
    ['2001:db8::/129', false],
    ['10.1.2', false],
    ['10.1.2.0/24/1', false],
    ['host.example', false],
  ])('%j is an address rule: %s', (rule, ok) => {
    expect(isAddressRule(rule)).toBe(ok);
  });

  test('an empty list allows any address; a list needs a known, matching one', () => {
    expect(addressAllowed(null, [])).toBe(true);
    expect(addressAllowed('10.1.2.3', ['10.1.0.0/16'])).toBe(true);
    expect(addressAllowed('10.2.2.3', ['10.1.0.0/16'])).toBe(false);
    expect(addressAllowed('192.0.2.7', ['10.1.0.0/16', '192.0.2.7'])).toBe(true);
    expect(addressAllowed('2001:db8::5', ['2001:db8::/32'])).toBe(true);
    expect(addressAllowed(null, ['10.1.0.0/16'])).toBe(false);
  });
});

describe('the cursor', () => {
  test.each([1, 42, 2_147_483_647])('round-trips id %i', (id) => {
    expect(decodeCursor(encodeCursor(id))).toBe(id);
  });
  test.each(['', 'abc', 'not-ours', Buffer.from('v1:0').toString('base64url'), Buffer.from('v1:-1').toString('base64url'), Buffer.from('v1:9999999999').toString('base64url'), 'a'.repeat(41)])('refuses %j', (cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });
});

describe('the rate window', () => {
  test('windows are whole minutes; Retry-After counts to the end of the window', () => {
    const now = new Date('2026-11-03T02:00:42.300Z');
    const start = windowStartOf(now);
    expect(start.toISOString()).toBe('2026-11-03T02:00:00.000Z');
    expect(decideRate(3, 3, start, now)).toEqual({ allowed: true, limit: 3, remaining: 0, resetSeconds: 18 });
    expect(decideRate(4, 3, start, now)).toMatchObject({ allowed: false, remaining: 0, resetSeconds: 18 });
    expect(decideRate(1, 3, start, new Date(start.getTime() + RATE_WINDOW_MS - 1)).resetSeconds).toBe(1);
  });
});

describe('scopes', () => {
  const grant = (over: Partial<ApiGrant> = {}): ApiGrant => ({ clientId: 1, clientName: 'x', scopes: ['read'], unitIds: [], indicatorIds: [], ...over });
  test('a read client reads the plan and the registry but enters, reviews and administers nothing', () => {
    const actor = apiActor(grant(), null);
    expect(canReadPlan(actor)).toBe(true);
    expect(can(actor, 'registry.viewAll')).toBe(true);
    expect(can(actor, 'bulletin.viewPublished')).toBe(true);
    for (const action of ['figure.enter', 'figure.review', 'bulletin.draft', 'user.manage', 'apiClient.manage', 'registry.import', 'audit.view'] as const) expect(can(actor, action, { unitId: 5 }), action).toBe(false);
  });
  test('a report client enters and submits for its listed units only, and its listed indicators only', () => {
    const g = grant({ scopes: ['report'], unitIds: [5], indicatorIds: [9] });
    expect(apiCan(g, 'figure.enter', { unitId: 5 })).toBe(true);
    expect(apiCan(g, 'figure.submit', { unitId: 5 })).toBe(true);
    expect(apiCan(g, 'figure.enter', { unitId: 6 })).toBe(false);
    expect(apiCan(g, 'figure.enter')).toBe(false);
    expect(apiCan(g, 'figure.review', { unitId: 5 })).toBe(false);
    expect(apiCan(g, 'dashboard.view')).toBe(false);
    expect(mayReportIndicator(g, 9)).toBe(true);
    expect(mayReportIndicator(g, 10)).toBe(false);
  });
});

describe('errors and the document', () => {
  test('the error body is one shape with both languages and a path', () => {
    const e = new ApiError('out_of_scope', '无权', 'Not allowed', 'unitId');
    expect(e.status).toBe(403);
    expect(e.body()).toEqual({ error: { code: 'out_of_scope', message: { zh: '无权', en: 'Not allowed' }, path: 'unitId' } });
    const parsed = pushValuesSchema.safeParse({ unitId: 'x', month: '2026-13', values: [] });
    const z2 = fromZodIssues(parsed.error!.issues, 'validation_failed', (m) => ({ zh: m, en: m }));
    expect(z2.status).toBe(422);
    expect(z2.details!.map((d) => d.path).sort()).toEqual(['month', 'unitId', 'values']);
    expect(Object.values(apiErrorCodes).every((s) => s >= 400 && s < 600)).toBe(true);
  });

  test('every endpoint is in the document with the JSON Schema of the Zod schema it validates with', () => {
    const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, { operationId: string; requestBody?: { content: Record<string, { schema: unknown }> } }>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const e of Object.values(endpoints)) {
      const op = doc.paths[e.path][e.method];
      expect(op.operationId).toBe(e.id);
      if ('body' in e) {
        const expected = z.toJSONSchema(e.body, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
        delete expected.$schema;
        expect(op.requestBody!.content['application/json'].schema).toEqual(expected);
      }
    }
  });
});
