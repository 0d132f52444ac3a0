// Server only. Refused requests are recorded (ASVS 16.3.2, 等保 8.1.4.3 安全审计): someone probing for rights they do
// not have shows in the audit log. The refused work itself rolled back with its own transaction, so the record is
// written in a transaction of its own.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { getDb } from '@/lib/db/client';

export interface RefusedAttempt {
  /** The permission asked for (lib/permissions.ts), or the server action / route that refused. */
  action: string;
  /** What the refusal said, when the domain gave a reason of its own (e.g. another unit's figures). */
  reason?: string;
}

/**
 * Writes one `authz.denied` row. Never throws: the user is refused either way, and a failed audit write goes to the
 * server log instead of turning the refusal into an error page.
 */
export async function recordRefusal(actor: Actor, attempt: RefusedAttempt): Promise<void> {
  try {
    const db = await getDb();
    await db.$transaction((tx) =>
      recordAudit(tx, actor, { event: 'authz.denied', targetType: 'action', targetId: attempt.action.slice(0, 200), result: 'failure', reason: attempt.reason?.slice(0, 500) }),
    );
  } catch (error) {
    console.error(`[audit] a refused request (${attempt.action}) could not be recorded:`, error);
  }
}
