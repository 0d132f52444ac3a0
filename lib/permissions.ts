// Pure: every "may this user do this?" question is answered here, and only here. Server actions, route handlers and
// domain functions all ask, inside the call; the proxy redirect is a convenience, never the guard.
import { isSystemActor, type Actor } from '@/lib/actor';
import { apiCan } from '@/lib/api/scope';
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
  /** 督办: raise a supervision item (批示) on a task, an indicator or a unit. */
  'instruction.create': ['leader', 'bureau_reviewer'],
  /** The enterprise registry: a town's or park's users see their own firms only (see registryScope). */
  'registry.view': ['bureau_reviewer', 'unit_reporter', 'leader', 'viewer'],
  'registry.viewAll': ['bureau_reviewer', 'leader', 'viewer'],
  'registry.manage': ['bureau_reviewer'],
  'registry.import': ['bureau_reviewer'],
  'registry.export': ['bureau_reviewer', 'unit_reporter', 'leader'],
  /** See supervision items; a reporter sees its own unit's only (checked in the query). */
  'supervision.view': ['bureau_reviewer', 'unit_reporter', 'leader', 'viewer'],
  /** Answer an item assigned to the reporter's own unit (checked in the domain function against the item's units). */
  'supervision.answer': ['unit_reporter'],
  /** Accept (办结), return or extend: the raiser, or any bureau reviewer (checked in the domain function). */
  'supervision.close': ['leader', 'bureau_reviewer'],
  /** The 待办 inbox: everyone's own work, system admins see failed outbound notices there. */
  'inbox.view': ['bureau_reviewer', 'unit_reporter', 'leader', 'viewer', 'system_admin'],
  /** Outbound notice deliveries and their failures. */
  'notice.viewDeliveries': ['system_admin'],
  'user.manage': ['system_admin'],
  /** API clients of /api/v1 (issue 15): create, revoke. */
  'apiClient.manage': ['system_admin'],
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

/** Actions done by the operator's command line (scripts), outside any session: `npm run registry:import` loads a list. */
// The demo seed writes shares, a rule and each closed month's bulletin through the same domain functions.
const systemActions = new Set<Action>(['plan.load', 'demo.manage', 'registry.import', 'target.decompose', 'ranking.manageRule', 'bulletin.draft', 'bulletin.publish']);

export interface PermissionContext {
  /** The unit whose figures or tasks are touched. */
  unitId?: number | null;
  /** Who submitted the figure being reviewed: nobody approves their own submission. */
  submittedById?: number | null;
}

export function can(actor: Actor, action: Action, context: PermissionContext = {}): boolean {
  if (actor.api) return apiCan(actor.api, action, context);
  if (isSystemActor(actor)) return systemActions.has(action);
  // Every account manages itself, role or not: a new account's first act is replacing its temporary password, and
  // roles come later from the security admin (三权分立).
  if (action === 'account.manageOwn') return actor.userId !== null;
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

/** A role held, for domain rules that name one (the raiser of a supervision item, the bureau). */
export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}

/**
 * The loaded plan (tasks, indicators, units): every business role, the system admin (who assigns users to units) and
 * the operator's scripts. The security and audit admins have no use for it.
 */
export function canReadPlan(actor: Actor): boolean {
  return isSystemActor(actor) || can(actor, 'dashboard.view') || can(actor, 'user.manage');
}

/** The account list: the system admin (accounts) and the security admin (roles, sessions, second factors). */
export function canListAccounts(actor: Actor): boolean {
  return can(actor, 'user.manage') || can(actor, 'role.assign') || can(actor, 'session.terminate') || can(actor, 'secondFactor.reset');
}

/**
 * Which firms of the registry a user may see: every firm, the firms of their own town or park, or none (a
 * department's reporter). Queries apply it inside; nothing else decides it.
 */
export type RegistryScope = { kind: 'all' } | { kind: 'unit'; unitId: number } | { kind: 'none' };

export function registryScope(actor: Actor): RegistryScope {
  if (!can(actor, 'registry.view')) return { kind: 'none' };
  if (can(actor, 'registry.viewAll')) return { kind: 'all' };
  return actor.unitId === null ? { kind: 'none' } : { kind: 'unit', unitId: actor.unitId };
}
