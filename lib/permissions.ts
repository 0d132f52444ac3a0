// Pure: every "may this user do this?" question is answered here, and only here. Server actions, route handlers and
// domain functions all ask, inside the call; the proxy redirect is a convenience, never the guard.
import { isSystemActor, type Actor } from '@/lib/actor';
import type { Role } from '@/lib/generated/prisma/enums';

export const businessRoles = ['bureau_reviewer', 'unit_reporter', 'leader', 'viewer'] as const satisfies readonly Role[];
/** 三权分立: system, security and audit administration are held by three different accounts. */
export const adminRoles = ['system_admin', 'security_admin', 'audit_admin'] as const satisfies readonly Role[];
export const allRoles = [...businessRoles, ...adminRoles] as const;

/**
 * Who may do what, by role. Unit-scoped actions (a reporter's own unit) and "not your own submission" are checked
 * in `can` on top of this table. Admin roles hold no business action: they cannot enter, approve or read figures
 * beyond what their job needs.
 */
export const permissionTable = {
  'dashboard.view': ['bureau_reviewer', 'unit_reporter', 'leader', 'viewer'],
  'figure.viewPending': ['bureau_reviewer', 'unit_reporter', 'leader'],
  'figure.enter': ['unit_reporter'],
  'figure.submit': ['unit_reporter'],
  'figure.import': ['unit_reporter'],
  'figure.review': ['bureau_reviewer'],
  'figure.unlock': ['bureau_reviewer'],
  'figure.export': ['bureau_reviewer', 'unit_reporter', 'leader'],
  'reporting.viewAllUnits': ['bureau_reviewer', 'leader'],
  'reporting.manageDeadlines': ['bureau_reviewer'],
  'reporting.remind': ['bureau_reviewer'],
  'task.reportProgress': ['unit_reporter'],
  'instruction.create': ['leader'],
  'user.manage': ['system_admin'],
  'unit.manage': ['system_admin'],
  'plan.load': ['system_admin'],
  'demo.manage': ['system_admin'],
  'role.assign': ['security_admin'],
  'policy.edit': ['security_admin'],
  'session.terminate': ['security_admin'],
  /** Not the system admin, who resets passwords: neither admin alone can take over an account that has a second factor. */
  'secondFactor.reset': ['security_admin'],
  'audit.view': ['audit_admin'],
  'audit.export': ['audit_admin'],
  'account.manageOwn': [...allRoles],
  /** The horse race is read by every role that sees the dashboards. */
  'ranking.view': ['bureau_reviewer', 'unit_reporter', 'leader', 'viewer'],
  'ranking.manageRule': ['bureau_reviewer'],
  /** 任务分解: splitting district targets among towns and parks. */
  'target.decompose': ['bureau_reviewer'],
  /** Published bulletins are circulated to every signed-in role (issue 12). */
  'bulletin.viewPublished': [...allRoles],
  /** Drafts: generated, edited and published by the bureau only. */
  'bulletin.draft': ['bureau_reviewer'],
  'bulletin.publish': ['bureau_reviewer'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof permissionTable;
export const allActions = Object.keys(permissionTable) as Action[];

/** Actions whose target is one unit: a reporter may do them for its own unit only. */
const unitScoped = new Set<Action>(['figure.enter', 'figure.submit', 'figure.import', 'task.reportProgress']);

/** Actions done by the operator's command line (scripts), outside any session. */
// The demo seed writes shares, a rule and each closed month's bulletin through the same domain functions.
const systemActions = new Set<Action>(['plan.load', 'demo.manage', 'target.decompose', 'ranking.manageRule', 'bulletin.draft', 'bulletin.publish']);

export interface PermissionContext {
  /** The unit whose figures or tasks are touched. */
  unitId?: number | null;
  /** Who submitted the figure being reviewed: nobody approves their own submission. */
  submittedById?: number | null;
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}

export function can(actor: Actor, action: Action, context: PermissionContext = {}): boolean {
  if (isSystemActor(actor)) return systemActions.has(action);
  const allowed: readonly Role[] = permissionTable[action];
  if (!actor.roles.some((role) => allowed.includes(role))) return false;
  if (unitScoped.has(action)) {
    if (actor.unitId === null || context.unitId === undefined || context.unitId !== actor.unitId) return false;
  }
  if (action === 'figure.review' && context.submittedById != null && context.submittedById === actor.userId) return false;
  return true;
}

/** A role set an account may hold: at most one admin role, and never an admin role beside a business role. */
export function isValidRoleSet(roles: readonly Role[]): boolean {
  const admin = roles.filter((r) => (adminRoles as readonly Role[]).includes(r));
  const business = roles.filter((r) => (businessRoles as readonly Role[]).includes(r));
  return roles.length > 0 && new Set(roles).size === roles.length && (admin.length === 0 || (admin.length === 1 && business.length === 0));
}

/** Admin accounts must use a second factor; every account must when the security policy says so. */
export function requiresSecondFactor(roles: readonly Role[], policy: { secondFactorForAll: boolean } = { secondFactorForAll: false }): boolean {
  return policy.secondFactorForAll || roles.some((r) => (adminRoles as readonly Role[]).includes(r));
}

export function canLoadPlan(actor: Actor): boolean {
  return can(actor, 'plan.load');
}

export function canManageDemoData(actor: Actor): boolean {
  return can(actor, 'demo.manage');
}
