// Server only. Audit rows are written inside the caller's transaction; the database refuses to update or delete them.
import type { Actor } from '@/lib/actor';
import { Prisma } from '@/lib/generated/prisma/client';

/** Every event the platform records, with why it is recorded. */
export const auditEvents = {
  'plan.loaded': 'a plan file was loaded or reloaded: what the platform measures changed',
  'plan.unit.changed': 'a unit was added, renamed in kind or deactivated by a plan reload',
  'plan.group.changed': 'group membership decides who reports and who is ranked',
  'plan.task.changed': 'task wording or lead/responsible units changed',
  'plan.indicator.changed': 'a target, milestone or comparator changed: progress statuses move with it',
  'demo.seeded': 'demo data must be told apart from real figures',
  'demo.removed': 'demo data was deleted',
} as const;

export type AuditEvent = keyof typeof auditEvents | (string & {});

export interface AuditEntry {
  event: AuditEvent;
  targetType?: string;
  targetId?: string | number;
  result?: 'success' | 'failure';
  reason?: string;
  before?: unknown;
  after?: unknown;
}

type Tx = Pick<Prisma.TransactionClient, 'auditLog'>;

/** "Nothing before" is SQL NULL, not JSON null, so that `before IS NULL` finds creations. */
const json = (value: unknown) => (value == null ? Prisma.DbNull : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue));

export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.userId,
      actorName: actor.username,
      actorRole: actor.roles.join(',') || null,
      sessionId: actor.sessionId,
      ip: actor.ip,
      event: entry.event,
      targetType: entry.targetType,
      targetId: entry.targetId === undefined ? undefined : String(entry.targetId),
      result: entry.result ?? 'success',
      reason: entry.reason,
      before: json(entry.before),
      after: json(entry.after),
    },
  });
}
