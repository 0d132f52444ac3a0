// Server only. Reading the audit log is the audit admin's job, and each read or export is itself audited.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { getDb } from '@/lib/db/client';
import { ForbiddenError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { can } from '@/lib/permissions';

export interface AuditFilter {
  event?: string;
  actor?: string;
  result?: 'success' | 'failure';
  from?: Date;
  to?: Date;
  page?: number;
}

export interface AuditRowDto {
  id: string;
  at: string;
  actorName: string | null;
  actorRole: string | null;
  sessionId: string | null;
  ip: string | null;
  event: string;
  targetType: string | null;
  targetId: string | null;
  result: string;
  reason: string | null;
  before: unknown;
  after: unknown;
}

export const AUDIT_PAGE_SIZE = 50;
const EXPORT_LIMIT = 100_000;

function where(filter: AuditFilter): Prisma.AuditLogWhereInput {
  return {
    ...(filter.event ? { event: { startsWith: filter.event } } : {}),
    ...(filter.actor ? { actorName: { contains: filter.actor, mode: 'insensitive' } } : {}),
    ...(filter.result ? { result: filter.result } : {}),
    ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
  };
}

function toDto(row: Prisma.AuditLogGetPayload<object>): AuditRowDto {
  return {
    id: row.id.toString(),
    at: row.at.toISOString(),
    actorName: row.actorName,
    actorRole: row.actorRole,
    sessionId: row.sessionId ? row.sessionId.slice(0, 12) : null,
    ip: row.ip,
    event: row.event,
    targetType: row.targetType,
    targetId: row.targetId,
    result: row.result,
    reason: row.reason,
    before: row.before,
    after: row.after,
  };
}

export async function viewAuditLog(actor: Actor, filter: AuditFilter): Promise<{ rows: AuditRowDto[]; total: number }> {
  if (!can(actor, 'audit.view')) throw new ForbiddenError();
  const db = await getDb();
  const page = Math.max(1, filter.page ?? 1);
  return db.$transaction(async (tx) => {
    const [rows, total] = await Promise.all([
      tx.auditLog.findMany({ where: where(filter), orderBy: { id: 'desc' }, skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
      tx.auditLog.count({ where: where(filter) }),
    ]);
    await recordAudit(tx, actor, { event: 'audit.viewed', targetType: 'audit', after: { ...filter, page, rows: rows.length } });
    return { rows: rows.map(toDto), total };
  });
}

export async function exportAuditLog(actor: Actor, filter: AuditFilter): Promise<AuditRowDto[]> {
  if (!can(actor, 'audit.export')) throw new ForbiddenError();
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const rows = await tx.auditLog.findMany({ where: where(filter), orderBy: { id: 'asc' }, take: EXPORT_LIMIT });
    await recordAudit(tx, actor, { event: 'audit.exported', targetType: 'audit', after: { ...filter, rows: rows.length } });
    return rows.map(toDto);
  });
}
