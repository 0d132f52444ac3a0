// Indicators counted from the registry (the plan marks 国家高新技术企业 and 市级科技型企业): the month's count per slot of
// 区科技局's form across certificate boundaries (valid on the month's last day counts; expired the day before does
// not; issued the day after does not), filled into the form as drafts with source `registry` through the form's own
// path, a typed figure beside it shown with its difference, and the same check of who may see it as any figure.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/actor';
import { fixedClock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { ForbiddenError, isDomainError } from '@/lib/errors';
import { ReportValidationError } from '@/lib/reporting/errors';
import { saveDraft, submitMonth } from '@/lib/mutations/reporting/entry';
import { approveSubmission } from '@/lib/mutations/reporting/review';
import { getReportForm } from '@/lib/queries/reporting/form';
import { fillRegistryFigures, submitMonthWithRegistry } from '@/lib/mutations/registry/derived';
import { getRegistryComparison, getRegistryFigures } from '@/lib/queries/registry/derived';
import { addDays, dateFromDay, lastDayOfMonth } from '@/lib/registry/dates';
import { countByRule, REGISTRY_COMMENT, type RuleFirm } from '@/lib/registry/derived';
import { dayFromDate } from '@/lib/registry/dates';
import { highTechExpiry } from '@/lib/registry/validity';
import { setupTestDatabase } from '../support/db';
import { syntheticCode } from '../support/registry';
import { loadBundledPlan, makeReportingActor, type LoadedPlan } from '../support/reporting';

setupTestDatabase();

const MONTH = '2026-10';
const END = lastDayOfMonth(MONTH); // 2026-10-31
const clock = fixedClock('2026-11-03T02:00:00Z');
let plan: LoadedPlan;
let kjj: Actor;
let town: number;
let park: number;
let otherTown: number;

/** The issue day whose certificate's last valid day is `last`. */
const issuedFor = (last: string) => {
  const issued = `${Number(last.slice(0, 4)) - 3}${addDays(last, 1).slice(4)}`;
  expect(highTechExpiry(issued)).toBe(last);
  return issued;
};

// Each firm: where it is, its certificate's issue day, and whether it counts for October 2026.
const firms = [
  { n: 1, where: 'town', issued: () => issuedFor(END), counts: true }, // last valid day = the month's last day
  { n: 2, where: 'town', issued: () => issuedFor(addDays(END, -1)), counts: false }, // expired the day before
  { n: 3, where: 'park', issued: () => END, counts: true }, // issued on the last day
  { n: 4, where: 'park', issued: () => addDays(END, 1), counts: false }, // issued the day after
  { n: 5, where: 'other', issued: () => '2025-06-01', counts: true },
  { n: 6, where: 'town', issued: () => '2024-03-01', counts: true },
] as const;

beforeAll(async () => {
  plan = await loadBundledPlan();
  town = plan.unit('天生街道');
  otherTown = plan.unit('朝阳街道');
  park = plan.unit('科学城北碚片区管委会');
  kjj = await makeReportingActor({ roles: ['unit_reporter'], unitId: plan.unit('区科技局') });
  const db = await getDb();
  for (const f of firms) {
    const issued = f.issued();
    await db.enterprise.create({
      data: {
        planId: plan.planId,
        creditCode: syntheticCode(f.n),
        name: `派生测试${f.n}有限公司`,
        townUnitId: f.where === 'other' ? otherTown : town,
        parkUnitId: f.where === 'park' ? park : null,
        qualifications: { create: [{ kind: 'high_tech', year: Number(issued.slice(0, 4)), validFrom: dateFromDay(issued), validUntil: dateFromDay(highTechExpiry(issued)) }] },
      },
    });
  }
}, 120_000);

const expected = (subject: 'region' | 'town' | 'park' | 'other') =>
  firms.filter((f) => f.counts && (subject === 'region' || (subject === 'town' ? f.where !== 'other' : f.where === subject))).length;

describe('the registry count on the form', () => {
  test('per slot, across the certificate boundaries; nothing stored yet', async () => {
    const [highTech, smes] = await getRegistryFigures(kjj, { reporterUnitId: kjj.unitId!, month: MONTH });
    expect(highTech.code).toBe('high_tech_enterprises');
    expect(smes.code).toBe('tech_smes');
    const row = (id: number) => highTech.rows.find((r) => r.subjectUnitId === id)!.comparison;
    expect(row(plan.regionId).registry).toBe(expected('region'));
    expect(row(town).registry).toBe(expected('town'));
    expect(row(park).registry).toBe(expected('park'));
    expect(row(otherTown).registry).toBe(expected('other'));
    expect(row(plan.regionId).figure).toBeNull();
    expect(smes.rows.every((r) => r.comparison.registry === 0)).toBe(true);
    expect(highTech.rows.find((r) => r.subjectUnitId === town)!.href).toBe(`/enterprises?holds=high_tech&on=${END}&town=${town}`);
  });

  test('filled as drafts with source registry, in the month’s submission, audited; a second fill changes nothing', async () => {
    const db = await getDb();
    const audit = await db.auditLog.count();
    const result = await fillRegistryFigures(kjj, { month: MONTH }, clock);
    const figures = await getRegistryFigures(kjj, { reporterUnitId: kjj.unitId!, month: MONTH });
    const slots = figures.flatMap((f) => f.rows);
    expect(result.filled).toBe(slots.length);
    expect(result.saved?.created).toBe(slots.length);
    expect(slots.every((r) => r.comparison.figure?.source === 'registry' && r.comparison.figure.value === r.comparison.registry && r.comparison.difference === null)).toBe(true);
    const stored = await db.indicatorValue.findMany({ where: { month: MONTH, source: 'registry' } });
    expect(stored).toHaveLength(slots.length);
    expect(stored.every((v) => v.status === 'draft' && v.submissionId !== null && v.comment === REGISTRY_COMMENT)).toBe(true);
    expect(await db.auditLog.count()).toBe(audit + 1);
    // Nobody typed these: the audit log says where they came from.
    expect(await db.auditLog.count({ where: { event: 'reporting.registry.filled', targetId: String(result.saved!.submissionId) } })).toBe(1);
    expect(await fillRegistryFigures(kjj, { month: MONTH }, clock)).toMatchObject({ filled: 0, saved: null });
  });

  test('a typed figure is refused on save, naming the field; nothing changes', async () => {
    const db = await getDb();
    const [highTech] = await getRegistryFigures(kjj, { reporterUnitId: kjj.unitId!, month: MONTH });
    const stored = await db.indicatorValue.findFirstOrThrow({ where: { month: MONTH, unitId: plan.regionId, indicatorId: highTech.indicatorId } });
    const key = `high_tech_enterprises:${plan.regionId}:${MONTH}:${stored.stage}`;
    const error = await saveDraft(kjj, { month: MONTH, values: { [key]: { value: String(expected('region') + 3), version: stored.version } } }, clock).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportValidationError);
    expect((error as ReportValidationError).fieldErrors).toEqual({ [`values.${key}.value`]: ['validation.registryCounted'] });
    expect((error as ReportValidationError).fields![`values.${key}.value`].zh[0]).toContain('企业库');
    expect(await db.indicatorValue.findUniqueOrThrow({ where: { id: stored.id } })).toEqual(stored);
  });

  test('a typed figure from before (legacy) beside the count shows the difference; filling again restores the count', async () => {
    const form = await getRegistryFigures(kjj, { reporterUnitId: kjj.unitId!, month: MONTH });
    const db = await getDb();
    const stored = await db.indicatorValue.findFirstOrThrow({ where: { month: MONTH, unitId: plan.regionId, indicatorId: form[0].indicatorId } });
    const typed = expected('region') + 3;
    // Typed before the plan marked the indicator as counted: written as it was then, straight into the table.
    await db.indicatorValue.update({ where: { id: stored.id }, data: { value: typed, source: 'manual', comment: '按区科技局台账', version: { increment: 1 } } });
    const [highTech] = await getRegistryFigures(kjj, { reporterUnitId: kjj.unitId!, month: MONTH });
    const district = highTech.rows.find((r) => r.subjectUnitId === plan.regionId)!.comparison;
    expect(district).toMatchObject({ registry: expected('region'), figure: { value: typed, source: 'manual' }, difference: 3 });
    const refill = await fillRegistryFigures(kjj, { month: MONTH }, clock);
    expect(refill.filled).toBe(1);
    const [after] = await getRegistryFigures(kjj, { reporterUnitId: kjj.unitId!, month: MONTH });
    expect(after.rows.find((r) => r.subjectUnitId === plan.regionId)!.comparison).toMatchObject({ registry: expected('region'), figure: { value: expected('region'), source: 'registry' } });
  });

  test('who may see it: the unit’s reporters and the bureau; another unit’s reporter is refused', async () => {
    const tiansheng = await makeReportingActor({ roles: ['unit_reporter'], unitId: town });
    await expect(getRegistryFigures(tiansheng, { reporterUnitId: kjj.unitId!, month: MONTH })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getRegistryFigures(tiansheng, { reporterUnitId: town, month: MONTH })).toEqual([]);
    expect(await fillRegistryFigures(tiansheng, { month: MONTH }, clock)).toMatchObject({ filled: 0 });
    const bureau = await makeReportingActor({ roles: ['bureau_reviewer'], unitId: kjj.unitId });
    expect((await getRegistryFigures(bureau, { reporterUnitId: kjj.unitId!, month: MONTH })).length).toBe(2);
  });

  test('found by fuzzing: a month in year 0000 counts nothing instead of failing at the database (which has no year 0)', async () => {
    const db = await getDb();
    const earliest = await db.qualification.findFirstOrThrow({ orderBy: { validFrom: 'asc' }, select: { validFrom: true } });
    expect(earliest.validFrom.getUTCFullYear()).toBeGreaterThan(0);
    const figures = await getRegistryFigures(kjj, { reporterUnitId: kjj.unitId!, month: '0000-01' });
    const counts = figures.flatMap((f) => f.rows.map((r) => r.comparison.registry));
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((c) => c === 0)).toBe(true);
    await expect(fillRegistryFigures(kjj, { month: '0000-01' }, clock).catch((e: unknown) => (isDomainError(e) ? 'refused' : e))).resolves.not.toBeInstanceOf(Error);
  });
});

test('the database’s grouped count is the pure rule’s, month by month across the boundaries', async () => {
  const db = await getDb();
  const stored = await db.enterprise.findMany({ include: { qualifications: true } });
  const firmsNow: RuleFirm[] = stored.map((f) => ({
    id: f.id,
    townUnitId: f.townUnitId,
    parkUnitId: f.parkUnitId,
    aboveScale: f.aboveScale,
    qualifications: f.qualifications.map((q) => ({ kind: q.kind, validFrom: dayFromDate(q.validFrom), validUntil: q.validUntil ? dayFromDate(q.validUntil) : null, endedOn: q.endedOn ? dayFromDate(q.endedOn) : null })),
  }));
  for (const month of ['2023-10', '2023-11', '2026-09', '2026-10', '2026-11', '2028-05', '2029-10', '2029-11']) {
    const [highTech] = await getRegistryFigures(kjj, { reporterUnitId: kjj.unitId!, month });
    for (const row of highTech.rows) {
      expect(row.comparison.registry, `${month} ${row.subjectName}`).toBe(countByRule(firmsNow, highTech.rule, month, row.subject));
    }
  }
});

test('registry-filled figures go through the same submit and review as typed ones', async () => {
  const month = '2026-11';
  const inWindow = fixedClock('2026-11-20T02:00:00Z');
  await fillRegistryFigures(kjj, { month }, inWindow);
  // The rest of 区科技局's form typed in, so the month can be submitted.
  const form = await getReportForm(kjj, { month }, inWindow);
  const registryCodes = new Set(['high_tech_enterprises', 'tech_smes']);
  const values = Object.fromEntries(
    form.indicators
      .filter((i) => !registryCodes.has(i.code))
      .flatMap((i) => i.items.filter((x) => x.editable && !x.current).map((x) => [x.key, { value: String(x.previous?.value ?? 1), version: 0, comment: '测试' }])),
  );
  const tasks = Object.fromEntries(form.tasks.filter((t) => t.role === 'lead').map((t) => [String(t.id), { progress: 'on_track' as const, narrative: '按计划推进。', version: 0 }]));
  const saved = await saveDraft(kjj, { month, values, tasks }, inWindow);
  const submitted = await submitMonth(kjj, { month, version: saved.version }, inWindow);
  expect(submitted.status).toBe('submitted');
  const db = await getDb();
  const fromRegistry = await db.indicatorValue.findMany({ where: { month, source: 'registry' } });
  expect(fromRegistry.length).toBeGreaterThan(0);
  expect(fromRegistry.every((v) => v.status === 'submitted')).toBe(true);
  const reviewer = await makeReportingActor({ roles: ['bureau_reviewer'] });
  const submission = await db.submission.findUniqueOrThrow({ where: { unitId_month: { unitId: kjj.unitId!, month } } });
  await approveSubmission(reviewer, { submissionId: submission.id, version: submission.version }, inWindow);
  const approved = await db.indicatorValue.findMany({ where: { month, source: 'registry' } });
  expect(approved.map((v) => v.status)).toEqual(fromRegistry.map(() => 'approved'));
  const [highTech] = await getRegistryFigures(reviewer, { reporterUnitId: kjj.unitId!, month });
  expect(highTech.rows.every((r) => r.comparison.figure?.status === 'approved' && r.comparison.difference === null)).toBe(true);
});

test('submitting fills the empty registry slots first (a stored figure is left alone), then submits them with the month', async () => {
  const month = '2026-08';
  const inWindow = fixedClock('2026-09-03T02:00:00Z');
  const db = await getDb();
  const form = await getReportForm(kjj, { month }, inWindow);
  const registryCodes = new Set(form.indicators.filter((i) => i.registryCounted).map((i) => i.code));
  expect([...registryCodes].sort()).toEqual(['high_tech_enterprises', 'tech_smes']);
  const values = Object.fromEntries(
    form.indicators
      .filter((i) => !registryCodes.has(i.code))
      .flatMap((i) => i.items.filter((x) => x.editable && !x.current).map((x) => [x.key, { value: String(x.previous?.value ?? 1), version: 0, comment: '测试' }])),
  );
  const tasks = Object.fromEntries(form.tasks.filter((t) => t.role === 'lead').map((t) => [String(t.id), { progress: 'on_track' as const, narrative: '按计划推进。', version: 0 }]));
  const saved = await saveDraft(kjj, { month, values, tasks }, inWindow);
  // A figure typed before the mark (legacy), in the district slot of 国家高新技术企业: the automatic fill keeps it.
  const [highTechBefore] = await getRegistryFigures(kjj, { reporterUnitId: kjj.unitId!, month });
  const legacyValue = highTechBefore.rows[0].comparison.registry + 2;
  const submissionId = (await db.submission.findUniqueOrThrow({ where: { unitId_month: { unitId: kjj.unitId!, month } } })).id;
  await db.indicatorValue.create({ data: { indicatorId: highTechBefore.indicatorId, unitId: plan.regionId, reporterUnitId: kjj.unitId!, month, stage: 'final', value: legacyValue, status: 'draft', source: 'manual', submissionId } });
  const slots = form.indicators.filter((i) => registryCodes.has(i.code)).flatMap((i) => i.items).length;

  const submitted = await submitMonthWithRegistry(kjj, { month, version: saved.version }, inWindow);
  expect(submitted.status).toBe('submitted');
  expect(submitted.filled).toBe(slots - 1);
  const figures = await getRegistryFigures(kjj, { reporterUnitId: kjj.unitId!, month });
  for (const indicator of figures) {
    for (const row of indicator.rows) {
      const legacy = indicator.code === 'high_tech_enterprises' && row.subjectUnitId === plan.regionId;
      expect(row.comparison.figure, `${indicator.code} ${row.subjectName}`).toMatchObject(legacy ? { value: legacyValue, source: 'manual', status: 'submitted' } : { value: row.comparison.registry, source: 'registry', status: 'submitted' });
    }
  }
});

describe('the indicator page', () => {
  test('approved district figures beside the registry count, month by month', async () => {
    const db = await getDb();
    const indicatorId = await plan.indicatorId('high_tech_enterprises');
    await db.indicatorValue.create({ data: { indicatorId, unitId: plan.regionId, reporterUnitId: kjj.unitId!, month: '2026-09', value: 7, status: 'approved' } });
    const leader = await makeReportingActor({ roles: ['leader'] });
    const result = (await getRegistryComparison(leader, indicatorId, ['2026-09', MONTH]))!;
    const sept = result.rows[0].comparison;
    // September: firm 2's certificate (last day 2026-10-30) and firm 1's are both valid on 30 September; 3 and 4 not yet.
    const septCount = firms.filter((f) => f.issued() <= '2026-09-30' && highTechExpiry(f.issued()) >= '2026-09-30').length;
    expect(sept).toMatchObject({ registry: septCount, figure: { value: 7 }, difference: 7 - septCount });
    expect(result.rows[1].comparison.figure).toBeNull(); // October's figures are drafts, not approved
    await expect(getRegistryComparison(await makeReportingActor({ roles: ['system_admin'] }), indicatorId, [MONTH])).rejects.toBeInstanceOf(ForbiddenError);
  });

  test('computed once per data version: an approval or a new certificate shows at once', async () => {
    const db = await getDb();
    const indicatorId = await plan.indicatorId('high_tech_enterprises');
    const leader = await makeReportingActor({ roles: ['leader'] });
    const months = ['2025-08', MONTH];
    const before = (await getRegistryComparison(leader, indicatorId, months))!;
    expect(await getRegistryComparison(leader, indicatorId, months)).toBe(before); // the same version: the memo's value
    await db.indicatorValue.create({ data: { indicatorId, unitId: plan.regionId, reporterUnitId: kjj.unitId!, month: '2025-08', value: 11, status: 'approved' } });
    const approved = (await getRegistryComparison(leader, indicatorId, months))!;
    expect(approved.rows[0].comparison.figure).toMatchObject({ value: 11 });
    await db.enterprise.create({
      data: {
        planId: plan.planId,
        creditCode: syntheticCode(9001),
        name: '版本测试有限公司',
        townUnitId: town,
        qualifications: { create: [{ kind: 'high_tech', year: 2024, validFrom: dateFromDay('2024-01-15'), validUntil: dateFromDay(highTechExpiry('2024-01-15')) }] },
      },
    });
    const counted = (await getRegistryComparison(leader, indicatorId, months))!;
    expect(counted.rows[1].comparison.registry).toBe(before.rows[1].comparison.registry + 1);
  });
});
