import { describe, expect, test } from 'vitest';
import { systemActor, type Actor } from '@/lib/actor';
import type { Role } from '@/lib/generated/prisma/enums';
import { homeFor, landingFor, navigationFor } from '@/lib/navigation';
import { allActions, allRoles, can, isValidRoleSet, requiresSecondFactor, type Action } from '@/lib/permissions';

const actor = (roles: Role[], overrides: Partial<Actor> = {}): Actor => ({ userId: 10, username: 'someone', roles, unitId: 7, sessionId: 's', ip: null, ...overrides });

/**
 * THE table of expected answers, written out by hand (not derived from permissionTable): one row per action, one
 * column per role, Y = allowed. A reporter is asked about its own unit, a reviewer about someone else's submission.
 */
const columns = ['bureau_reviewer', 'unit_reporter', 'leader', 'viewer', 'system_admin', 'security_admin', 'audit_admin'] as const;
const expected: Record<Action, string> = {
  //                           rev rep lea vie sys sec aud
  'dashboard.view':           ' Y   Y   Y   Y   .   .   . ',
  'figure.viewPending':       ' Y   Y   Y   .   .   .   . ',
  'figure.enter':             ' .   Y   .   .   .   .   . ',
  'figure.submit':            ' .   Y   .   .   .   .   . ',
  'figure.import':            ' .   Y   .   .   .   .   . ',
  'figure.review':            ' Y   .   .   .   .   .   . ',
  'figure.unlock':            ' Y   .   .   .   .   .   . ',
  'figure.export':            ' Y   Y   Y   .   .   .   . ',
  'reporting.viewAllUnits':   ' Y   .   Y   .   .   .   . ',
  'reporting.manageDeadlines':' Y   .   .   .   .   .   . ',
  'reporting.remind':         ' Y   .   .   .   .   .   . ',
  'task.reportProgress':      ' .   Y   .   .   .   .   . ',
  'instruction.create':       ' Y   .   Y   .   .   .   . ',
  'registry.view':            ' Y   Y   Y   Y   .   .   . ',
  'registry.viewAll':         ' Y   .   Y   Y   .   .   . ',
  'registry.manage':          ' Y   .   .   .   .   .   . ',
  'registry.import':          ' Y   .   .   .   .   .   . ',
  'registry.export':          ' Y   Y   Y   .   .   .   . ',
  'supervision.view':         ' Y   Y   Y   Y   .   .   . ',
  'supervision.answer':       ' .   Y   .   .   .   .   . ',
  'supervision.close':        ' Y   .   Y   .   .   .   . ',
  'inbox.view':               ' Y   Y   Y   Y   Y   .   . ',
  'notice.viewDeliveries':    ' .   .   .   .   Y   .   . ',
  'user.manage':              ' .   .   .   .   Y   .   . ',
  'apiClient.manage':         ' .   .   .   .   Y   .   . ',
  'unit.manage':              ' .   .   .   .   Y   .   . ',
  'plan.load':                ' .   .   .   .   Y   .   . ',
  'demo.manage':              ' .   .   .   .   Y   .   . ',
  'role.assign':              ' .   .   .   .   .   Y   . ',
  'policy.edit':              ' .   .   .   .   .   Y   . ',
  'session.terminate':        ' .   .   .   .   .   Y   . ',
  'secondFactor.reset':       ' .   .   .   .   .   Y   . ',
  'audit.view':               ' .   .   .   .   .   .   Y ',
  'audit.export':             ' .   .   .   .   .   .   Y ',
  'account.manageOwn':        ' Y   Y   Y   Y   Y   Y   Y ',
  'ranking.view':             ' Y   Y   Y   Y   .   .   . ',
  'ranking.manageRule':       ' Y   .   .   .   .   .   . ',
  'target.decompose':         ' Y   .   .   .   .   .   . ',
  'bulletin.viewPublished':   ' Y   Y   Y   Y   Y   Y   Y ',
  'bulletin.draft':           ' Y   .   .   .   .   .   . ',
  'bulletin.publish':         ' Y   .   .   .   .   .   . ',
};

const cells = (row: string) => row.trim().split(/\s+/);
const cases = allActions.flatMap((action) => columns.map((role, i) => [role, action, cells(expected[action])[i] === 'Y'] as const));

describe('the role × action table', () => {
  test('covers every role and every action, once', () => {
    expect([...columns].sort()).toEqual([...allRoles].sort());
    expect(Object.keys(expected).sort()).toEqual([...allActions].sort());
    for (const action of allActions) expect(cells(expected[action])).toHaveLength(columns.length);
    expect(cases).toHaveLength(allRoles.length * allActions.length);
  });

  test.each(cases)('%s → %s: %s', (role, action, allowed) => {
    expect(can(actor([role]), action, { unitId: 7, submittedById: 99 })).toBe(allowed);
  });

  test('三权分立: no role holds two of the system, security and audit jobs', () => {
    const jobs = { system: ['user.manage', 'unit.manage'], security: ['role.assign', 'policy.edit', 'session.terminate', 'secondFactor.reset'], audit: ['audit.view', 'audit.export'] } as const;
    for (const role of allRoles) {
      const held = Object.entries(jobs).filter(([, actions]) => actions.some((a) => can(actor([role]), a)));
      expect(held.length, role).toBeLessThanOrEqual(1);
    }
  });
});

describe('unit scoping: a reporter acts for its own unit only', () => {
  const reporter = actor(['unit_reporter'], { unitId: 7 });
  test.each(['figure.enter', 'figure.submit', 'figure.import', 'task.reportProgress'] as const)('%s', (action) => {
    expect(can(reporter, action, { unitId: 7 })).toBe(true);
    expect(can(reporter, action, { unitId: 8 })).toBe(false);
    expect(can(reporter, action, {})).toBe(false);
    expect(can(reporter, action, { unitId: null })).toBe(false);
    expect(can(actor(['unit_reporter'], { unitId: null }), action, { unitId: null })).toBe(false);
  });

  test('actions that are not unit-scoped ignore the unit', () => {
    expect(can(reporter, 'figure.export', { unitId: 8 })).toBe(true);
    expect(can(reporter, 'dashboard.view')).toBe(true);
  });
});

describe('nobody approves their own submission', () => {
  const reviewer = actor(['bureau_reviewer'], { userId: 5 });
  test.each([
    [5, false],
    [6, true],
    [null, true],
    [undefined, true],
  ] as const)('figure.review of a figure submitted by %s → %s', (submittedById, allowed) => {
    expect(can(reviewer, 'figure.review', { submittedById })).toBe(allowed);
  });
});

describe('isValidRoleSet', () => {
  test.each([
    [[], false, 'no role at all'],
    [['viewer'], true, 'one business role'],
    [['bureau_reviewer', 'leader'], true, 'two business roles'],
    [['unit_reporter', 'unit_reporter'], false, 'a role twice'],
    [['system_admin'], true, 'one admin role alone'],
    [['security_admin'], true, 'the security admin alone'],
    [['audit_admin'], true, 'the audit admin alone'],
    [['system_admin', 'security_admin'], false, 'two admin roles'],
    [['security_admin', 'audit_admin'], false, 'security and audit admin'],
    [['system_admin', 'viewer'], false, 'admin + business'],
    [['audit_admin', 'bureau_reviewer'], false, 'audit admin + reviewer'],
  ] as [Role[], boolean, string][])('%j → %s (%s)', (roles, valid) => {
    expect(isValidRoleSet(roles)).toBe(valid);
  });
});

describe('the system actor (command-line tools)', () => {
  const operator = systemActor('test');
  // The demo seed writes the demo's shares, scoring rules and bulletins through the domain functions.
  const operatorActions = ['plan.load', 'demo.manage', 'registry.import', 'target.decompose', 'ranking.manageRule', 'bulletin.draft', 'bulletin.publish'];
  test.each(allActions.map((a) => [a, operatorActions.includes(a)] as const))('%s → %s', (action, allowed) => {
    expect(can(operator, action)).toBe(allowed);
  });

  test('a signed-in user whose name merely starts with "system:" is not the system actor', () => {
    expect(can(actor([], { username: 'system:x' }), 'plan.load')).toBe(false);
  });
});

describe('second factor and menu', () => {
  test.each(allRoles.map((r) => [r, r.endsWith('_admin')] as const))('%s needs a second factor: %s', (role, needed) => {
    expect(requiresSecondFactor([role])).toBe(needed);
    expect(requiresSecondFactor([role], { secondFactorForAll: false })).toBe(needed);
  });

  test.each(allRoles)('with the policy for everyone, %s needs one too', (role) => {
    expect(requiresSecondFactor([role], { secondFactorForAll: true })).toBe(true);
  });

  test.each([
    ['system_admin', ['/admin/users', '/admin/notices', '/admin/api-clients', '/bulletins']],
    ['security_admin', ['/admin/security', '/bulletins']],
    ['audit_admin', ['/admin/audit', '/bulletins']],
    ['viewer', ['/', '/tasks', '/units', '/rankings', '/supervision', '/enterprises', '/bulletins']],
  ] as [Role, string[]][])('the menu of a %s', (role, hrefs) => {
    expect(navigationFor(actor([role])).map((i) => i.href)).toEqual(hrefs);
  });
});

describe('an account with no role yet (created by the system admin, waiting for the security admin)', () => {
  const newcomer = actor([], { unitId: 7 });
  test('still manages its own account: password, second factor, sessions', () => {
    expect(can(newcomer, 'account.manageOwn')).toBe(true);
  });
  test('may do nothing else', () => {
    for (const action of allActions.filter((a) => a !== 'account.manageOwn')) expect(can(newcomer, action, { unitId: 7 }), action).toBe(false);
  });
  test('lands on its account page, which says who must act', () => {
    expect(navigationFor(newcomer)).toEqual([]);
    expect(homeFor(newcomer)).toBe('/account');
  });
  test('the system itself has no own account to manage', () => {
    expect(can(systemActor('tool'), 'account.manageOwn')).toBe(false);
  });
});

test('after settling its account a reporter lands on its unit\'s report; others on their first menu entry', () => {
  expect(landingFor(actor(['unit_reporter'], { unitId: 7 }))).toBe('/report');
  expect(landingFor(actor(['unit_reporter'], { unitId: null }))).toBe('/');
  expect(landingFor(actor(['security_admin']))).toBe('/admin/security');
  expect(landingFor(actor([]))).toBe('/account');
});
