import { describe, expect, test } from 'vitest';
import { assignRolesSchema, auditExportSchema, auditFilterSchema, createUserSchema, securityPolicyFormSchema, setUserDisabledSchema } from '@/lib/schemas/admin';
import { defaultSecurityPolicy } from '@/lib/auth/password-policy';
import { parseInput } from '@/lib/validation/parse';

describe('createUserSchema', () => {
  const valid = { username: ' Zhang.San ', displayName: ' 张三 ', unitId: '', temporaryPassword: 'Temp#2026pass' };
  test('trims, lower-cases the username and reads "" as no unit', () => {
    expect(createUserSchema.parse(valid)).toEqual({ username: 'zhang.san', displayName: '张三', unitId: null, temporaryPassword: 'Temp#2026pass' });
    expect(createUserSchema.parse({ ...valid, unitId: '12' }).unitId).toBe(12);
  });

  test.each([
    [{ username: 'ab' }, 'username', '用户名须为 3–32 位字母、数字或 . _ -，以字母或数字开头'],
    [{ username: '张三' }, 'username', '用户名须为 3–32 位字母、数字或 . _ -，以字母或数字开头'],
    [{ username: '' }, 'username', '此项必填'],
    [{ displayName: '   ' }, 'displayName', '此项必填'],
    [{ displayName: '长'.repeat(51) }, 'displayName', '姓名不能超过 50 个字'],
    [{ unitId: 'x' }, 'unitId', '请输入数字'],
    [{ temporaryPassword: '' }, 'temporaryPassword', '此项必填'],
  ])('%j → %s: %s', (change, field, message) => {
    const result = parseInput(createUserSchema, { ...valid, ...change }, 'zh-CN');
    expect(result.success).toBe(false);
    if (!result.success) expect(result.fieldErrors[field]).toContain(message);
  });

  test('no extra field (roles, mustChangePassword…) rides along', () => {
    const result = parseInput(createUserSchema, { ...valid, roles: 'system_admin' }, 'en');
    expect(result.success).toBe(false);
  });
});

describe('assignRolesSchema', () => {
  test.each([
    [undefined, []],
    ['viewer', ['viewer']],
    [['leader', 'viewer'], ['leader', 'viewer']],
  ])('roles %j → %j', (roles, parsed) => {
    expect(assignRolesSchema.parse({ userId: '3', version: '1', ...(roles === undefined ? {} : { roles }) }).roles).toEqual(parsed);
  });

  test.each([
    [['system_admin', 'audit_admin'], '角色组合不允许'],
    [['security_admin', 'viewer'], '角色组合不允许'],
    [['root'], '未知的角色'],
  ])('%j is refused with a message on the field', (roles, message) => {
    const result = parseInput(assignRolesSchema, { userId: '3', version: '1', roles }, 'zh-CN');
    expect(result.success).toBe(false);
    if (!result.success) expect(Object.entries(result.fieldErrors).find(([k]) => k.startsWith('roles'))?.[1].join()).toContain(message);
  });
});

test('disabling needs a reason, and says which way', () => {
  expect(setUserDisabledSchema.parse({ userId: '1', version: '2', disabled: 'true', reason: '离职' })).toEqual({ userId: 1, version: 2, disabled: true, reason: '离职' });
  const result = parseInput(setUserDisabledSchema, { userId: '1', version: '2', disabled: 'yes', reason: '' }, 'en');
  expect(result.success).toBe(false);
  if (!result.success) expect(Object.keys(result.fieldErrors).sort()).toEqual(['disabled', 'reason']);
});

test('the policy form carries the version and every field, as numbers', () => {
  const form = Object.fromEntries(Object.entries({ ...defaultSecurityPolicy, version: 3 }).map(([k, v]) => [k, String(v)]));
  expect(securityPolicyFormSchema.parse(form)).toEqual({ ...defaultSecurityPolicy, version: 3 });
  const result = parseInput(securityPolicyFormSchema, { ...form, minLength: '4', idleMinutes: '' }, 'zh-CN');
  expect(result.success).toBe(false);
  if (!result.success) expect(Object.keys(result.fieldErrors).sort()).toEqual(['idleMinutes', 'minLength']);
});

describe('the audit filter', () => {
  test('empty fields are no filter; days are Beijing days, "to" inclusive', () => {
    expect(auditFilterSchema.parse({ event: '', actor: '', result: '', from: '', to: '' })).toEqual({ page: 1, event: undefined, actor: undefined, result: undefined, from: undefined, to: undefined });
    expect(auditFilterSchema.parse({ event: 'auth.', from: '2026-11-01', to: '2026-11-15', page: '2' })).toEqual({
      event: 'auth.',
      actor: undefined,
      result: undefined,
      from: new Date('2026-10-31T16:00:00Z'),
      to: new Date('2026-11-15T16:00:00Z'),
      page: 2,
    });
  });

  test.each([
    [{ from: '2026-02-30' }, 'from', '日期格式应为 YYYY-MM-DD'],
    [{ to: '15/11/2026' }, 'to', '日期格式应为 YYYY-MM-DD'],
    [{ from: '2026-11-15', to: '2026-11-01' }, 'to', '结束日期不能早于开始日期'],
    [{ event: 'auth.%' }, 'event', '查询条件格式不正确'],
    [{ result: 'maybe' }, 'result', '查询条件格式不正确'],
    [{ page: '0' }, 'page', '请输入数字'],
    [{ actor: ['a', 'b'] }, 'actor', '查询条件格式不正确'],
  ])('%j → %s: %s', (input, field, message) => {
    const result = parseInput(auditFilterSchema, input, 'zh-CN');
    expect(result.success).toBe(false);
    if (!result.success) expect(result.fieldErrors[field]).toContain(message);
  });

  test('the export takes no page and no unknown parameter', () => {
    expect(auditExportSchema.safeParse({ page: '1' }).success).toBe(false);
    expect(auditExportSchema.safeParse({ event: 'user.', secret: 'x' }).success).toBe(false);
    expect(auditExportSchema.parse({ actor: 'Sysadmin' }).actor).toBe('Sysadmin');
  });
});

test('each broken rule is said once', () => {
  const date = parseInput(auditFilterSchema, { to: '15/11/2026' }, 'zh-CN');
  const name = parseInput(createUserSchema, { username: '', displayName: 'x', unitId: '', temporaryPassword: 'x' }, 'zh-CN');
  expect(date.success || date.fieldErrors.to).toEqual(['日期格式应为 YYYY-MM-DD']);
  expect(name.success || name.fieldErrors.username).toEqual(['此项必填']);
});
