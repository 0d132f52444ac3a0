// The system admin's API clients (issue 15): created with validated scopes, addresses and expiry, the token returned
// once and only its hash stored, each change audited in its transaction; revoking is bound to the version seen.
// Every other role is refused, and a refusal writes nothing.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/actor';
import { hashToken } from '@/lib/api/token';
import { fixedClock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { ConflictError, DomainError, ForbiddenError } from '@/lib/errors';
import { createApiClient, revokeApiClient } from '@/lib/mutations/api/clients';
import { listApiClients } from '@/lib/queries/api/clients';
import type { CreateApiClientInput } from '@/lib/schemas/api/admin';
import { setupTestDatabase } from '../support/db';
import { loadBundledPlan, makeReportingActor, type LoadedPlan } from '../support/reporting';

setupTestDatabase();
const now = fixedClock('2026-11-03T02:00:00Z')();
let plan: LoadedPlan;
let admin: Actor;

beforeAll(async () => {
  plan = await loadBundledPlan();
  admin = await makeReportingActor({ roles: ['system_admin'] });
});

const valid = (over: Partial<CreateApiClientInput> = {}): CreateApiClientInput => ({
  name: `区统计局数据平台-${Math.random().toString(36).slice(2, 6)}`,
  scopes: ['read'],
  unitIds: [],
  indicatorIds: [],
  allowedIps: [],
  expiresOn: '2027-11-03',
  rateLimitPerMinute: null,
  ...over,
});

async function counts() {
  const db = await getDb();
  return { clients: await db.apiClient.count(), audit: await db.auditLog.count() };
}

describe('creating a client', () => {
  test('the token comes back once; the database holds its hash, the scopes asked for and one audit row', async () => {
    const before = await counts();
    const unit = plan.unit('区统计局');
    const indicator = await plan.indicatorId('high_tech_enterprises');
    const created = await createApiClient(admin, valid({ scopes: ['read', 'report'], unitIds: [unit, unit], indicatorIds: [indicator], allowedIps: ['10.1.0.0/16', '192.0.2.7'], rateLimitPerMinute: 30 }), now);
    const db = await getDb();
    const row = await db.apiClient.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ tokenHash: hashToken(created.token), scopes: ['read', 'report'], unitIds: [unit], indicatorIds: [indicator], allowedIps: ['10.1.0.0/16', '192.0.2.7'], rateLimitPerMinute: 30, revokedAt: null });
    // Valid through the chosen day in China: until 2027-11-04 00:00 +08:00.
    expect(row.expiresAt.toISOString()).toBe('2027-11-03T16:00:00.000Z');
    const audit = await db.auditLog.findFirstOrThrow({ where: { event: 'apiClient.created', targetId: String(created.id) } });
    expect(audit.actorId).toBe(admin.userId);
    expect(JSON.stringify(audit.after)).not.toContain(created.token);
    expect(await counts()).toEqual({ clients: before.clients + 1, audit: before.audit + 1 });
    const listed = await listApiClients(admin);
    expect(JSON.stringify(listed)).not.toContain(row.tokenHash);
    expect(listed.find((c) => c.id === created.id)?.tokenPrefix).toBe(created.token.slice(0, 10));
  });

  test.each([
    ['an address that is not an IP or CIDR', { allowedIps: ['10.0.0.0/8', 'intranet'] }, 'allowedIps'],
    ['a unit id that is not one', { scopes: ['report'] as const, unitIds: ['7x'] as unknown as number[], indicatorIds: [1] }, 'unitIds'],
    ['a scope that does not exist', { scopes: ['read', 'admin'] as unknown as ['read'] }, 'scopes'],
    ['report without units or indicators', { scopes: ['report'] as const }, 'scopes'],
    ['no scope', { scopes: [] }, 'scopes'],
    ['an expiry today', { expiresOn: '2026-11-03' }, 'expiresOn'],
    ['an expiry beyond five years', { expiresOn: '2031-11-04' }, 'expiresOn'],
    ['a name of one character', { name: 'x' }, 'name'],
    ['a limit of zero', { rateLimitPerMinute: 0 }, 'rateLimitPerMinute'],
  ])('%s is refused with a message for the field, and nothing is written', async (_, over, field) => {
    const before = await counts();
    const error = await createApiClient(admin, valid(over as Partial<CreateApiClientInput>), now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(Object.keys((error as DomainError).fields ?? {})).toContain(field);
    expect(await counts()).toEqual(before);
  });

  test('unknown units and a taken name are refused the same way', async () => {
    const before = await counts();
    const indicator = await plan.indicatorId('tech_smes');
    await expect(createApiClient(admin, valid({ scopes: ['report'], unitIds: [999_999], indicatorIds: [indicator] }), now)).rejects.toMatchObject({ fields: { unitIds: expect.anything() } });
    await expect(createApiClient(admin, valid({ scopes: ['report'], unitIds: [plan.regionId], indicatorIds: [indicator] }), now)).rejects.toMatchObject({ fields: { unitIds: expect.anything() } });
    const first = await createApiClient(admin, valid({ name: '区税务局' }), now);
    await expect(createApiClient(admin, valid({ name: '区税务局' }), now)).rejects.toMatchObject({ fields: { name: expect.anything() } });
    expect(await counts()).toEqual({ clients: before.clients + 1, audit: before.audit + 1 });
    expect(first.name).toBe('区税务局');
  });

  test.each(['bureau_reviewer', 'security_admin', 'audit_admin', 'leader'] as const)('a %s may not create, list or revoke clients', async (role) => {
    const other = await makeReportingActor({ roles: [role] });
    const before = await counts();
    await expect(createApiClient(other, valid(), now)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listApiClients(other)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(revokeApiClient(other, { clientId: 1, version: 1 }, now)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await counts()).toEqual(before);
  });
});

describe('revoking a client', () => {
  test('is bound to the version the admin saw, happens once, and is audited', async () => {
    const created = await createApiClient(admin, valid(), now);
    const db = await getDb();
    const row = await db.apiClient.findUniqueOrThrow({ where: { id: created.id } });
    await expect(revokeApiClient(admin, { clientId: created.id, version: row.version + 1 }, now)).rejects.toBeInstanceOf(ConflictError);
    const before = await counts();
    await revokeApiClient(admin, { clientId: created.id, version: row.version }, now);
    expect(await counts()).toEqual({ clients: before.clients, audit: before.audit + 1 });
    expect((await db.apiClient.findUniqueOrThrow({ where: { id: created.id } })).revokedAt?.toISOString()).toBe(now.toISOString());
    await expect(revokeApiClient(admin, { clientId: created.id, version: row.version + 1 }, now)).rejects.toBeInstanceOf(ConflictError);
    const audit = await db.auditLog.findFirstOrThrow({ where: { event: 'apiClient.revoked', targetId: String(created.id) } });
    expect(audit.actorId).toBe(admin.userId);
  });
});
