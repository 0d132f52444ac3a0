// Fuzzing the API's push endpoints (issues 15 and 16): generated bodies (wrong types, odd numbers and Unicode, other
// units' ids, fields a client must not set, malformed JSON, arrays, huge strings) sent through the route handlers of
// POST /api/v1/values and /api/v1/registry/imports. Each answer is a documented 200, or a clear 4xx in the API's error
// shape that changed no domain row; never a 5xx. A 200 that wrote something wrote its audit rows with it.
import { vi } from 'vitest';

vi.hoisted(() => {
  process.env.APP_FIXED_NOW = '2026-11-03T02:00:00Z';
});

import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { POST as postValues } from '@/app/api/v1/values/route';
import { POST as postImport } from '@/app/api/v1/registry/imports/route';
import { systemClock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { getReportForm } from '@/lib/queries/reporting/form';
import { answer, apiRequest, expectDocumented, makeClient } from '../support/api';
import { setupTestDatabase } from '../support/db';
import { idFrom, month, oddNumber, oddText } from '../support/fuzz';
import { loadBundledPlan, makeReportingActor } from '../support/reporting';
import { syntheticCode } from '../support/registry';

setupTestDatabase();

const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const RUNS = Math.round(60 * SCALE);
const now = systemClock();

/** Rows of the domain tables a push may write, and the audit rows that must come with any write. */
async function marks() {
  const db = await getDb();
  const [values, events, submissions, firms, qualifications, answers, pushed] = await Promise.all([
    db.indicatorValue.aggregate({ _count: { _all: true }, _sum: { version: true } }),
    db.valueEvent.count(),
    db.submission.aggregate({ _count: { _all: true }, _sum: { version: true } }),
    db.enterprise.count(),
    db.qualification.count(),
    db.apiIdempotency.count(),
    db.auditLog.count({ where: { event: { in: ['reporting.api.pushed', 'reporting.submitted', 'registry.import.confirmed'] } } }),
  ]);
  return { domain: { values: values._count._all, valueVersions: values._sum.version ?? 0, events, submissions: submissions._count._all, submissionVersions: submissions._sum.version ?? 0, firms, qualifications, answers }, pushed };
}

let token = '';
let body: fc.Arbitrary<unknown>;
let registryBody: fc.Arbitrary<unknown>;
const outcomes: Record<string, number> = {};

beforeAll(async () => {
  const plan = await loadBundledPlan();
  const bureau = plan.unit('区科技局');
  const town = plan.unit('天生街道');
  const db = await getDb();
  const indicators = await db.indicator.findMany({ where: { planId: plan.planId }, select: { id: true, code: true } });
  const units = (await db.unit.findMany({ select: { id: true } })).map((u) => u.id);
  const admin = await makeReportingActor({ roles: ['system_admin'] });
  ({ token } = await makeClient(admin, now, { scopes: ['report', 'registry'], unitIds: [bureau], indicatorIds: indicators.map((i) => i.id), rateLimitPerMinute: 10_000 }));
  const value = fc.record(
    {
      indicator: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...indicators.map((i) => i.code)) }, { weight: 1, arbitrary: oddText }),
      subjectUnitId: fc.oneof(fc.constantFrom(town, bureau, plan.regionId), idFrom(units)),
      period: month,
      stage: fc.constantFrom('final', 'provisional', 'approved'),
      value: fc.oneof(fc.integer({ min: 0, max: 5000 }), oddNumber, oddText),
      comment: oddText,
      status: fc.constantFrom('approved'),
    },
    { requiredKeys: ['indicator', 'value'] },
  );
  const plausible = fc.record({ unitId: fc.oneof({ weight: 4, arbitrary: fc.constant(bureau) }, { weight: 1, arbitrary: idFrom(units) }), month: fc.oneof(fc.constantFrom('2026-10', '2026-11'), month), values: fc.array(value, { minLength: 0, maxLength: 4 }) });
  // Figures the bureau really reports this month, so that some pushes are valid and write.
  const reporterUser = await makeReportingActor({ roles: ['unit_reporter'], unitId: bureau });
  const form = await getReportForm(reporterUser, { month: '2026-10' }, () => now);
  // Not the registry-counted ones: those are never pushed (refused, validation_failed), only counted.
  const items = form.indicators.filter((i) => !i.registryCounted).flatMap((i) => i.items.map((x) => ({ indicator: i.code, subjectUnitId: x.subject.id, period: x.period, stage: x.stage })));
  const clean = fc.record({
    unitId: fc.constant(bureau),
    month: fc.constant('2026-10'),
    values: fc.uniqueArray(fc.constantFrom(...items), { minLength: 1, maxLength: 3, selector: (i) => JSON.stringify(i) }).chain((picked) =>
      fc.tuple(...picked.map((p) => fc.record({ value: fc.integer({ min: 0, max: 3000 }), comment: fc.constantFrom('接口推送，口径同月报', '新认定一批企业') }).map((v) => ({ ...p, ...v })))),
    ),
  });
  body = fc.oneof(
    { weight: 4, arbitrary: clean },
    { weight: 6, arbitrary: plausible },
    { weight: 1, arbitrary: fc.tuple(plausible, fc.record({ status: fc.constant('approved'), version: fc.integer() }, { requiredKeys: [] })).map(([a, b]) => ({ ...a, ...b })) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  );
  const cell = fc.oneof(oddText, oddNumber, fc.boolean(), fc.constant(null));
  const row = fc.record(
    {
      creditCode: fc.oneof(fc.integer({ min: 1, max: 50 }).map(syntheticCode), oddText),
      name: fc.oneof(fc.constantFrom('接口企业甲', '接口企业乙'), oddText),
      town: fc.oneof(fc.constantFrom('天生街道', '北温泉街道', '不存在的镇'), cell),
      year: fc.oneof(fc.constantFrom(2025, 2026, '2026年'), cell),
      validFrom: fc.oneof(fc.constantFrom('2025-12-01', '2026/3/5', '2026-02-30'), cell),
      aboveScale: cell,
      clusterTask: cell,
      revenue: cell,
    },
    { requiredKeys: ['creditCode', 'name'] },
  );
  registryBody = fc.oneof(
    { weight: 5, arbitrary: fc.record({ list: fc.constantFrom('enterprises', 'high_tech', 'tech_sme', 'nope'), mode: fc.constantFrom('dryRun', 'commit', 'write'), rows: fc.array(row, { minLength: 0, maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  );
}, 120_000);

async function expectRefusedOrWritten(handler: (r: Request) => Promise<Response>, path: string, raw: string, key: string | null): Promise<void> {
  const before = await marks();
  const a = await answer(await handler(apiRequest('POST', path, { token, rawBody: raw, headers: key ? { 'idempotency-key': key } : {} })));
  expect(a.status, JSON.stringify(a.body).slice(0, 400)).toBeLessThan(500);
  expectDocumented(path, 'post', a.status, a.body);
  const after = await marks();
  if (a.status === 200) {
    if (JSON.stringify(after.domain) !== JSON.stringify(before.domain) && after.domain.answers === before.domain.answers) expect(after.pushed, 'a write without its audit row').toBeGreaterThan(before.pushed);
    outcomes[`${path} 200`] = (outcomes[`${path} 200`] ?? 0) + 1;
  } else {
    expect(after.domain, `a ${a.status} ${a.body.error?.code} changed rows`).toEqual(before.domain);
    expect(a.body.error?.message.zh.length).toBeGreaterThan(0);
    outcomes[`${path} ${a.body.error?.code}`] = (outcomes[`${path} ${a.body.error?.code}`] ?? 0) + 1;
  }
}

const rawOf = (value: unknown, mangle: number): string => {
  const text = JSON.stringify(value) ?? 'undefined';
  // Now and then the JSON itself is broken: cut short, or with a stray byte.
  if (mangle === 1) return text.slice(0, Math.max(0, text.length - 2));
  if (mangle === 2) return `${text}\u0000`;
  return text;
};

describe('fuzzing the push endpoints', () => {
  test('POST /values: a documented 200 or a clear 4xx that changed nothing, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.integer({ min: 0, max: 9 }), fc.option(fc.constantFrom('fuzz-key-00000001', 'fuzz-key-00000002'), { nil: null }), async (value, mangle, key) => {
        await expectRefusedOrWritten(postValues, '/values', rawOf(value, mangle), key);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  test('POST /registry/imports: the same', async () => {
    await fc.assert(
      fc.asyncProperty(registryBody, fc.integer({ min: 0, max: 9 }), async (value, mangle) => {
        await expectRefusedOrWritten(postImport, '/registry/imports', rawOf(value, mangle), null);
      }),
      { numRuns: RUNS },
    );
    // The generators reach both sides: writes and refusals.
    console.log('api fuzz outcomes', outcomes);
    expect(outcomes['/values 200'] ?? 0).toBeGreaterThan(0);
    expect(outcomes['/registry/imports 200'] ?? 0).toBeGreaterThan(0);
    expect(Object.keys(outcomes).some((k) => k.includes('validation_failed'))).toBe(true);
  }, 600_000);
});
