// Pure: which menu entries a user sees. Hiding is a convenience; every page and action checks permissions itself.
import type { Actor } from '@/lib/actor';
import { can, type Action } from '@/lib/permissions';

export interface NavItem {
  href: string;
  /** A message key. */
  label: string;
  permission: Action;
}

const items: NavItem[] = [
  { href: '/', label: 'nav.overview', permission: 'dashboard.view' },
  { href: '/tasks', label: 'nav.tasks', permission: 'dashboard.view' },
  { href: '/units', label: 'nav.units', permission: 'dashboard.view' },
  { href: '/rankings', label: 'rankings.nav', permission: 'ranking.view' },
  { href: '/report', label: 'nav.report', permission: 'figure.enter' },
  { href: '/review', label: 'nav.review', permission: 'figure.review' },
  { href: '/supervision', label: 'nav.supervision', permission: 'supervision.view' },
  { href: '/enterprises', label: 'nav.enterprises', permission: 'registry.view' },
  { href: '/admin/users', label: 'nav.adminUsers', permission: 'user.manage' },
  { href: '/admin/security', label: 'nav.adminSecurity', permission: 'role.assign' },
  { href: '/admin/audit', label: 'nav.adminAudit', permission: 'audit.view' },
  { href: '/admin/notices', label: 'nav.adminNotices', permission: 'notice.viewDeliveries' },
  { href: '/admin/api-clients', label: 'nav.adminApiClients', permission: 'apiClient.manage' },
  // Last: every role reads published bulletins, and an admin's home stays its own admin page.
  { href: '/bulletins', label: 'bulletin.nav', permission: 'bulletin.viewPublished' },
];

export function navigationFor(actor: Actor): NavItem[] {
  return items.filter((item) => can(actor, item.permission, { unitId: actor.unitId }));
}

/**
 * Where a user lands when a page is not theirs: their first menu entry (admins have no dashboard). An account with no
 * role yet has no menu: it lands on its account page, which says who must act.
 */
export function homeFor(actor: Actor): string {
  return navigationFor(actor)[0]?.href ?? '/account';
}

/** Where a user goes after settling their account (a changed password): a reporter to its unit's report. */
export function landingFor(actor: Actor): string {
  return can(actor, 'figure.enter', { unitId: actor.unitId }) ? '/report' : homeFor(actor);
}
