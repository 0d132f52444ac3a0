// Pure: every "may this user do this?" question is answered here, and only here. Actions, routes and domain
// functions all ask; the proxy redirect is a convenience, never the guard.
import { isSystemActor, type Actor } from '@/lib/actor';
import type { Role } from '@/lib/generated/prisma/enums';

export const adminRoles = ['system_admin', 'security_admin', 'audit_admin'] as const satisfies readonly Role[];

/** Loading a plan file replaces targets: only the system admin, or the operator's own command line. */
export function canLoadPlan(actor: Actor): boolean {
  return isSystemActor(actor) || actor.roles.includes('system_admin');
}

export function canManageDemoData(actor: Actor): boolean {
  return isSystemActor(actor) || actor.roles.includes('system_admin');
}
