// Server only. Every function takes the acting user first. The system admin creates and revokes API clients; each
// change and its audit row commit together. The token exists in clear only in the creation's answer: the database
// keeps its SHA-256.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { generateToken, hashToken, tokenPrefixOf } from '@/lib/api/token';
import { recordAudit } from '@/lib/audit';
import { getDb } from '@/lib/db/client';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, prismaErrorCode } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { dayInChina } from '@/lib/registry/dates';
import { createApiClientSchema, revokeApiClientSchema, type CreateApiClientInput, type RevokeApiClientInput } from '@/lib/schemas/api/admin';
import { parse } from '@/lib/mutations/reporting/store';
import zh from '@/lib/i18n/messages/zh-CN/validation.json';
import en from '@/lib/i18n/messages/en/validation.json';

const fieldError = (field: string, key: keyof typeof zh & keyof typeof en) => new DomainError(zh[key], en[key], { [field]: { zh: [zh[key]], en: [en[key]] } });

/** China's day `years` ahead of `day` (YYYY-MM-DD). */
function addYears(day: string, years: number): string {
  return `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
}

export async function createApiClient(actor: Actor, input: CreateApiClientInput, now: Date): Promise<{ id: number; name: string; token: string }> {
  if (!can(actor, 'apiClient.manage')) throw new ForbiddenError();
  const data = parse(createApiClientSchema, input);
  const today = dayInChina(now);
  if (data.expiresOn <= today || data.expiresOn > addYears(today, 5) || Number.isNaN(Date.parse(`${data.expiresOn}T00:00:00Z`))) throw fieldError('expiresOn', 'apiExpires');
  const report = data.scopes.includes('report');
  const unitIds = report ? [...new Set(data.unitIds)].sort((a, b) => a - b) : [];
  const indicatorIds = report ? [...new Set(data.indicatorIds)].sort((a, b) => a - b) : [];
  const db = await getDb();
  const [units, indicators] = await Promise.all([
    db.unit.count({ where: { id: { in: unitIds }, kind: { not: 'region' } } }),
    db.indicator.count({ where: { id: { in: indicatorIds } } }),
  ]);
  if (units !== unitIds.length) throw fieldError('unitIds', 'apiIds');
  if (indicators !== indicatorIds.length) throw fieldError('indicatorIds', 'apiIds');
  const token = generateToken();
  // The token is valid through the chosen day, China time: it stops at the next midnight (UTC+8).
  const expiresAt = new Date(Date.parse(`${data.expiresOn}T00:00:00+08:00`) + 86_400_000);
  try {
    return await db.$transaction(async (tx) => {
      const client = await tx.apiClient.create({
        data: { name: data.name, scopes: data.scopes, unitIds, indicatorIds, allowedIps: data.allowedIps, rateLimitPerMinute: data.rateLimitPerMinute, tokenHash: hashToken(token), tokenPrefix: tokenPrefixOf(token), expiresAt, createdById: actor.userId },
      });
      await recordAudit(tx, actor, {
        event: 'apiClient.created',
        targetType: 'apiClient',
        targetId: client.id,
        after: { name: client.name, scopes: client.scopes, unitIds, indicatorIds, allowedIps: client.allowedIps, rateLimitPerMinute: client.rateLimitPerMinute, expiresAt, tokenPrefix: client.tokenPrefix },
      });
      return { id: client.id, name: client.name, token };
    });
  } catch (error) {
    if (prismaErrorCode(error) === 'P2002') throw fieldError('name', 'apiClientNameTaken');
    throw error;
  }
}

/** Bound to the version the admin saw. The very next call with the token is refused (no cache anywhere). */
export async function revokeApiClient(actor: Actor, input: RevokeApiClientInput, now: Date): Promise<{ name: string }> {
  if (!can(actor, 'apiClient.manage')) throw new ForbiddenError();
  const data = parse(revokeApiClientSchema, input);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const client = await tx.apiClient.findUnique({ where: { id: data.clientId }, select: { id: true, name: true, version: true, revokedAt: true } });
    if (!client) throw new NotFoundError('接口客户端不存在', 'No such API client');
    if (client.revokedAt) throw new ConflictError('该客户端已被撤销', 'This client is already revoked');
    const { count } = await tx.apiClient.updateMany({ where: { id: client.id, version: data.version, revokedAt: null }, data: { revokedAt: now, version: { increment: 1 } } });
    if (count !== 1) throw new ConflictError();
    await recordAudit(tx, actor, { event: 'apiClient.revoked', targetType: 'apiClient', targetId: client.id, before: { revokedAt: null, version: client.version }, after: { name: client.name, revokedAt: now } });
    return { name: client.name };
  });
}
