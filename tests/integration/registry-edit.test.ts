// Firms and qualifications typed in one at a time: the bureau only, a wrong credit code refused with its reason,
// version-checked updates, renewals chained, early ends kept as history, an audit row for each.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { ConflictError, DomainError, ForbiddenError } from '@/lib/errors';
import { createEnterprise, updateEnterprise } from '@/lib/mutations/registry/enterprise';
import { endQualification, recordQualification } from '@/lib/mutations/registry/qualification';
import { getEnterpriseProfile } from '@/lib/queries/registry/profile';
import { createEnterpriseSchema, endQualificationSchema, recordQualificationSchema, updateEnterpriseSchema } from '@/lib/schemas/registry/enterprise';
import { parseInput } from '@/lib/validation/parse';
import { setupTestDatabase } from '../support/db';
import { actorFor, makeUnit, makeUser } from '../support/factories';
import { syntheticCode } from '../support/registry';
const PLAN_ID = 'test-plan';

setupTestDatabase();

let bureau: Actor;
let townUser: Actor;
let otherTownUser: Actor;
let town: number;
let otherTown: number;

beforeAll(async () => {
  town = (await makeUnit('天生街道', 'town')).id;
  otherTown = (await makeUnit('朝阳街道', 'town')).id;
  bureau = actorFor(await makeUser({ roles: ['bureau_reviewer'] }), ['bureau_reviewer']);
  townUser = actorFor(await makeUser({ roles: ['unit_reporter'], unitId: town }), ['unit_reporter'], { unitId: town });
  otherTownUser = actorFor(await makeUser({ roles: ['unit_reporter'], unitId: otherTown }), ['unit_reporter'], { unitId: otherTown });
});

const base = { name: '北碚智感科技有限公司', townUnitId: null as number | null, parkUnitId: null, clusterTask: 7, aboveScale: false, foundedOn: '2018-05-04' };

describe('typing in a firm', () => {
  test('the form schema refuses a wrong code with the reason, in Chinese and English', () => {
    const wrong = syntheticCode(1).slice(0, 17) + (syntheticCode(1)[17] === 'A' ? 'B' : 'A');
    const zh = parseInput(createEnterpriseSchema, { ...base, creditCode: wrong, townUnitId: '', parkUnitId: '', clusterTask: '7', aboveScale: '', foundedOn: '' }, 'zh-CN');
    expect(zh.success).toBe(false);
    if (!zh.success) expect(zh.fieldErrors.creditCode).toEqual(['统一社会信用代码第 18 位校验码不符，代码可能有录入错误']);
    const en = parseInput(createEnterpriseSchema, { ...base, creditCode: 'ABC' }, 'en');
    if (!en.success) expect(en.fieldErrors.creditCode).toEqual(['A unified social credit code has 18 characters']);
    const extra = parseInput(createEnterpriseSchema, { ...base, creditCode: syntheticCode(1), isDemo: true }, 'zh-CN');
    expect(extra.success).toBe(false);
  });

  test('only the bureau may add or change firms; codes are unique; towns must be towns', async () => {
    await expect(createEnterprise(townUser, { ...base, creditCode: syntheticCode(1) })).rejects.toBeInstanceOf(ForbiddenError);
    const { id } = await createEnterprise(bureau, { ...base, creditCode: syntheticCode(1), townUnitId: town });
    await expect(createEnterprise(bureau, { ...base, creditCode: syntheticCode(1) })).rejects.toThrow('已在企业库中');
    await expect(createEnterprise(bureau, { ...base, creditCode: syntheticCode(2), parkUnitId: town })).rejects.toBeInstanceOf(DomainError);
    const db = await getDb();
    expect(await db.auditLog.count({ where: { event: 'registry.enterprise.created', targetId: String(id) } })).toBe(1);
  });

  test('updates are version-checked', async () => {
    const db = await getDb();
    const firm = await db.enterprise.findUniqueOrThrow({ where: { planId_creditCode: { planId: PLAN_ID, creditCode: syntheticCode(1) } } });
    const { version } = await updateEnterprise(bureau, { ...base, enterpriseId: firm.id, version: firm.version, townUnitId: town, aboveScale: true });
    expect(version).toBe(firm.version + 1);
    await expect(updateEnterprise(bureau, { ...base, enterpriseId: firm.id, version: firm.version, townUnitId: town })).rejects.toBeInstanceOf(ConflictError);
    const audit = await db.auditLog.findFirstOrThrow({ where: { event: 'registry.enterprise.changed', targetId: String(firm.id) } });
    expect(audit.before).toMatchObject({ aboveScale: false });
    expect(audit.after).toMatchObject({ aboveScale: true });
  });
});

describe('qualifications over time', () => {
  test('a certificate, its renewal, and an early end: all kept, the profile shows the history', async () => {
    const db = await getDb();
    const firm = await db.enterprise.findUniqueOrThrow({ where: { planId_creditCode: { planId: PLAN_ID, creditCode: syntheticCode(1) } } });
    const first = await recordQualification(bureau, { enterpriseId: firm.id, kind: 'high_tech', year: 2022, level: 'national', certificateNo: 'GR202251000001', validFrom: '2022-11-28' });
    const renewal = await recordQualification(bureau, { enterpriseId: firm.id, kind: 'high_tech', year: 2025, level: 'national', certificateNo: 'GR202551000002', validFrom: '2025-11-28' });
    await expect(recordQualification(bureau, { enterpriseId: firm.id, kind: 'high_tech', year: 2025, level: null, certificateNo: null, validFrom: '2025-12-01' })).rejects.toThrow('已有记录');
    const stored = await db.qualification.findUniqueOrThrow({ where: { id: renewal.id } });
    expect(stored.renewalOfId).toBe(first.id);
    expect(stored.validUntil?.toISOString().slice(0, 10)).toBe('2028-11-27');

    await endQualification(bureau, { qualificationId: renewal.id, version: stored.version, endedOn: '2026-06-01', reason: '撤销高新技术企业资格' });
    await expect(endQualification(bureau, { qualificationId: renewal.id, version: stored.version, endedOn: '2026-06-01', reason: '重复' })).rejects.toBeInstanceOf(ConflictError);

    const before = await getEnterpriseProfile(bureau, firm.id, '2026-05-31');
    expect(before.tier).toBe('above_scale_high_tech');
    expect(before.countsToward).toEqual(['high_tech_enterprises', 'above_scale_high_tech']);
    const after = await getEnterpriseProfile(bureau, firm.id, '2026-06-01');
    expect(after.tier).toBe('none');
    expect(after.qualifications.map((q) => [q.year, q.lastDay, q.inForce])).toEqual([
      [2022, '2025-11-27', false],
      [2025, '2026-05-31', false],
    ]);
  });

  test('found by fuzzing: a registration dated after its year, a day in year 0000, a NUL in free text: refused with a message, nothing written', async () => {
    const db = await getDb();
    const firm = await db.enterprise.findUniqueOrThrow({ where: { planId_creditCode: { planId: PLAN_ID, creditCode: syntheticCode(1) } } });
    const rows = await db.qualification.count();
    // A tech-SME registration holds for its calendar year: one dated in 2026 for 2025 would end before it starts
    // (the database's span check failed with an unexpected error).
    const late = await recordQualification(bureau, { enterpriseId: firm.id, kind: 'tech_sme', year: 2025, level: null, certificateNo: null, validFrom: '2026-01-05' }).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(DomainError);
    expect(Object.keys((late as DomainError).fields ?? {})).toEqual(['validFrom']);
    expect(await db.qualification.count()).toBe(rows);
    // PostgreSQL has no year 0000 and cannot store NUL: the schemas refuse both on their fields.
    const zero = parseInput(updateEnterpriseSchema, { ...base, enterpriseId: firm.id, version: firm.version, townUnitId: '', parkUnitId: '', foundedOn: '0000-01-01' }, 'zh-CN');
    expect(zero.success ? null : zero.fieldErrors.foundedOn).toEqual(['请填写 1900 至 2100 年间的日期（YYYY-MM-DD）']);
    const far = parseInput(recordQualificationSchema, { enterpriseId: firm.id, kind: 'high_tech', year: 2025, level: '', certificateNo: '', validFrom: '9999-12-31' }, 'zh-CN');
    expect(far.success ? null : Object.keys(far.fieldErrors)).toEqual(['validFrom']);
    const nul = parseInput(endQualificationSchema, { qualificationId: 1, version: 1, endedOn: '2026-06-01', reason: '撤销\u0000资格' }, 'zh-CN');
    expect(nul.success ? null : Object.keys(nul.fieldErrors)).toEqual(['reason']);
    const nulName = parseInput(createEnterpriseSchema, { ...base, creditCode: syntheticCode(3), name: '北碚\u0000科技', townUnitId: '', parkUnitId: '' }, 'zh-CN');
    expect(nulName.success ? null : Object.keys(nulName.fieldErrors)).toEqual(['name']);
  });

  test('a listing (上市企业) is recorded like any qualification: open until ended; the reserve ends on the listing day', async () => {
    const db = await getDb();
    const firm = await createEnterprise(bureau, { ...base, name: '北碚上市测试有限公司', creditCode: syntheticCode(7), townUnitId: town });
    const reserve = await recordQualification(bureau, { enterpriseId: firm.id, kind: 'ipo_reserve', year: 2024, level: 'district', certificateNo: null, validFrom: '2024-03-01' });
    const listed = await recordQualification(bureau, { enterpriseId: firm.id, kind: 'listed', year: 2026, level: null, certificateNo: '688001', validFrom: '2026-06-30' });
    const stored = await db.qualification.findUniqueOrThrow({ where: { id: listed.id } });
    expect(stored).toMatchObject({ kind: 'listed', validUntil: null, endedOn: null });
    const reserveRow = await db.qualification.findUniqueOrThrow({ where: { id: reserve.id } });
    await endQualification(bureau, { qualificationId: reserve.id, version: reserveRow.version, endedOn: '2026-06-30', reason: '已上市' });
    const profile = await getEnterpriseProfile(bureau, firm.id, '2026-06-30');
    expect(profile.qualifications.map((q) => [q.kind, q.inForce])).toEqual(expect.arrayContaining([['ipo_reserve', false], ['listed', true]]));
    const dayBefore = await getEnterpriseProfile(bureau, firm.id, '2026-06-29');
    expect(dayBefore.qualifications.map((q) => [q.kind, q.inForce])).toEqual(expect.arrayContaining([['ipo_reserve', true], ['listed', false]]));
  });

  test('a town sees its own firm; another town does not find it', async () => {
    const db = await getDb();
    const firm = await db.enterprise.findUniqueOrThrow({ where: { planId_creditCode: { planId: PLAN_ID, creditCode: syntheticCode(1) } } });
    expect((await getEnterpriseProfile(townUser, firm.id, '2026-01-01')).name).toBe(base.name);
    await expect(getEnterpriseProfile(otherTownUser, firm.id, '2026-01-01')).rejects.toThrow('不在您的查看范围内');
  });
});
