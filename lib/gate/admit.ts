// Server only. The one gate: who is asking, may they, and an audit row for every refusal. Server actions
// (lib/gate/action.ts), route handlers (lib/gate/route.ts) and page guards (lib/gate/page.tsx) all pass through here,
// so a refusal behaves the same whichever door it came to.
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@/lib/actor';
import { ForbiddenError, isDatabaseUnavailable } from '@/lib/errors';
import { gateMessages } from '@/lib/gate/messages';
import type { AppLocale } from '@/lib/i18n/locale';
import type { SessionState } from '@/lib/mutations/auth';
import { recordRefusal } from '@/lib/mutations/refusals';
import { can, type Action } from '@/lib/permissions';

export interface Ask {
  /** The coarse permission, checked against the user's own unit; the domain function checks again with context. */
  permission?: Action;
  /** What the audit row names: the action, route or permission asked for. */
  name: string;
  /** Where the request came in, for the audit row (e.g. `page /admin/users`). */
  via?: string;
  /** Pages and actions of the password and second-factor steps themselves. */
  allowPending?: boolean;
}

export type Refusal = 'signIn' | 'pending' | 'forbidden';

export type Admission = { admitted: true; session: SessionState; actor: Actor } | { admitted: false; refusal: Refusal; session: SessionState | null };

/** Decides one request. A `forbidden` refusal is written to the audit log before the caller answers. */
export async function admit(session: SessionState | null, ask: Ask): Promise<Admission> {
  if (!session) return { admitted: false, refusal: 'signIn', session };
  // Pages send such a user to the password or second-factor page; a crafted request must not get around that.
  if ((session.mustChangePassword || session.needsSecondFactor) && !ask.allowPending) return { admitted: false, refusal: 'pending', session };
  if (ask.permission && !can(session.actor, ask.permission, { unitId: session.actor.unitId })) {
    await auditRefusal(session.actor, ask);
    return { admitted: false, refusal: 'forbidden', session };
  }
  return { admitted: true, session, actor: session.actor };
}

/** One `authz.denied` row: what was asked for, where, and the refusal's own reason when it gave one. */
export async function auditRefusal(actor: Actor, ask: Ask, detail?: string): Promise<void> {
  await recordRefusal(actor, { action: ask.name, reason: [ask.via, detail].filter(Boolean).join(': ') || undefined });
}

/** The domain refused with context the coarse check could not see (another unit's figures): audited the same way. */
export async function auditDomainRefusal(actor: Actor, ask: Ask, error: unknown): Promise<void> {
  if (error instanceof ForbiddenError) await auditRefusal(actor, ask, error.messageEn);
}

/** Logs an unexpected error with an id the user can quote, and returns that id. */
export function logUnexpected(error: unknown, where: string): string {
  const id = randomUUID().slice(0, 8);
  console.error(`[error ${id}] ${where}:`, error);
  return id;
}

/**
 * The message for an error that is not a domain error: a database restart or outage gets a "try again" message
 * (never a success: a write whose commit was not confirmed is not reported as saved; the version check makes the
 * retry safe); anything else is logged with an id the user can quote.
 */
export function unexpectedErrorMessage(error: unknown, where: string, locale: AppLocale): string {
  if (isDatabaseUnavailable(error)) {
    console.error(`[database unavailable] ${where}: ${error instanceof Error ? error.message : String(error)}`);
    return gateMessages[locale].unavailable;
  }
  return gateMessages[locale].unexpected + logUnexpected(error, where);
}
