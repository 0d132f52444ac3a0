// Server only. Audit rows are written inside the caller's transaction; the database refuses to update or delete them.
import 'server-only';
import { wellFormed } from '@/lib/schemas/text';
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
  'database.backedUp': 'an online backup of the embedded database was taken: a copy of every record left the server',
  'reporting.draft.saved': 'figures or task progress typed into a monthly form: who entered what, before review',
  'reporting.registry.filled': "figures filled from the enterprise registry's count into a monthly form: nobody typed them, the firms behind them decide",
  'reporting.import.confirmed': 'a confirmed Excel upload wrote figures in one go: the file hash ties them to the file',
  'reporting.submitted': 'a unit vouched for its month: decides on time or late, and who answers for the figures',
  'reporting.withdrawn': 'a unit took back submitted figures before review (撤回): they left the reviewer\'s queue',
  'reporting.approved': 'a reviewer approved figures: from now on they reach the dashboards',
  'reporting.returned': 'a reviewer sent figures back with a reason the unit must answer',
  'reporting.unlocked': 'an approved, locked figure was reopened: dashboards lose it until it is approved again',
  'reporting.submission.approved': 'a whole monthly report approved at the version the reviewer saw',
  'reporting.submission.returned': 'a whole monthly report sent back with a reason',
  'reporting.deadline.extended': "one unit's deadline moved: changes whether its report counts as on time",
  'reporting.reopened': 'a closed month opened again for one unit, with a reason: late figures may still change',
  'reporting.settings.changed': "the due day or the warning threshold changed: affects every unit's deadline",
  'reporting.reminder.sent': '催办 sent to a late unit: the bureau followed up, and when',
  'reporting.api.pushed': 'figures pushed by an API client (/api/v1): saved and submitted into the review queue, never approved',
  'reporting.reminder.seen': 'a unit user read a 催办 or a return notice: the receipt shows the unit was told',
  'registry.enterprise.created': 'a firm entered the registry: the counts computed from it move',
  'registry.enterprise.changed': "a firm's town, park, cluster or size changed: it counts elsewhere from now on",
  'registry.qualification.recorded': 'a qualification (certificate, registration, list entry) recorded or renewed: the counts move',
  'registry.qualification.ended': 'a qualification ended early (revoked, removed from a list): the firm stops counting',
  'registry.import.confirmed': 'an Excel list written in one go: the file hash ties the rows to the file',
  'supervision.raised': '督办: a leader or the bureau raised an item on a task, indicator or unit, with units and a due date',
  'supervision.answered': 'a unit answered a supervision item: its progress and self-assessment, on the record',
  'supervision.returned': 'the raiser or the bureau sent an answer back with a reason',
  'supervision.extended': 'a due date moved, with the reason: changes when the item turns red',
  'supervision.closed': '办结: the item was accepted as done',
  'notice.deliveryFailed': 'an outbound notice gave up after its retries: the district gateway did not take it',
  'bulletin.generated': 'a draft 月通报 was opened for a month: the bureau started this issue',
  'bulletin.edited': 'the foreword or remarks of a draft bulletin changed: what the bureau adds to the figures',
  'bulletin.published': 'a bulletin was frozen and circulated: its snapshot is what every reader sees from now on',
  'target.share.set': "a town's or park's share of a district target (任务分解) was set: it decides the unit's level score",
  'ranking.rule.published': 'a new scoring rule takes effect from a month: ranks after it are scored differently',
  'auth.signIn': 'who entered the system, when and from where (等保 8.1.4.3)',
  'auth.signInFailed': 'failed attempts reveal guessing; the reason is recorded, the user sees one generic message',
  'auth.lockout': 'an account was locked after repeated failures',
  'auth.signOut': 'the session ended by the user',
  'auth.sessionRevoked': 'a session ended by timeout, password change, disabling or the security admin',
  'auth.passwordChanged': 'credential change by the user',
  'auth.passwordReset': 'credential reset by the system admin: the user must change it',
  'auth.totpEnrolmentStarted': 'a new second-factor secret was issued, pending confirmation: it replaces any pending one',
  'auth.totpEnrolled': 'second factor enrolled (or its recovery codes renewed)',
  'user.created': 'a new account exists',
  'user.disabled': 'an account can no longer sign in',
  'user.enabled': 'an account may sign in again',
  'user.unitChanged': 'the unit decides whose figures a reporter may enter',
  'user.rolesChanged': 'roles decide every permission',
  'security.policyChanged': 'password and session rules changed',
  'security.sessionsTerminated': 'the security admin ended a user\'s sessions',
  'security.secondFactorReset': 'a lost second factor removed by the security admin: the next sign-in enrols a new one',
  'apiClient.created': 'a client system was given a token for /api/v1, with its scopes, addresses and expiry',
  'apiClient.revoked': "a client system's token stopped working: its next call is refused",
  'api.request': 'every /api/v1 call: which client, which endpoint, the outcome and how many rows',
  'authz.denied': 'a request the permission module refused: probing for rights shows (ASVS 16.3.2)',
  'audit.viewed': 'reading the audit log is itself audited',
  'audit.exported': 'exporting the audit log is itself audited',
} as const;

/** Only a catalogued event compiles: a new event is added above, with its reason and its names in admin.json. */
export type AuditEvent = keyof typeof auditEvents;

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
// Strings made well-formed: jsonb refuses a lone surrogate, and an audit row must never be what fails a write.
const json = (value: unknown) =>
  value == null ? Prisma.DbNull : (JSON.parse(JSON.stringify(value), (_key, v: unknown) => (typeof v === 'string' ? wellFormed(v) : v)) as Prisma.InputJsonValue);

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
