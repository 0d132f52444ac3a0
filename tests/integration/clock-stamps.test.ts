// Issue 9 item 9: every timestamp the app writes comes from lib/clock.ts. With the clock frozen (APP_FIXED_NOW, as the
// demo and the browser tests run), a freshly seeded demo has no time after the clock in any table, and a save stamps
// its rows with the clock it was given, not the machine's or the database's time.
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { systemActor } from '@/lib/actor';
import { fixedClock, systemClock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { seedDemoBulletins } from '@/lib/mutations/bulletin/demo';
import { seedDemoAccounts, seedDemoData } from '@/lib/mutations/demo';
import { saveDraft } from '@/lib/mutations/reporting/entry';
import { loadPlan } from '@/lib/mutations/plan';
import { seedDemoSupervision } from '@/lib/mutations/supervision/demo';
import { lastClosedMonth } from '@/lib/periods';
import { setupTestDatabase } from '../support/db';
import { bundledPlan } from '../support/plan';
import { makeReportingActor, PLAN_ID } from '../support/reporting';

// The demo's morning: 2 June, before most units' habitual day, so the generator must hold back what has not happened;
// and months before the machine's own time, so a stamp taken from the machine or the database would show.
const FIXED = vi.hoisted(() => {
  const at = '2026-06-02T01:30:00.000Z';
  vi.stubEnv('APP_FIXED_NOW', at);
  return at;
});
afterAll(() => vi.unstubAllEnvs());

setupTestDatabase();
const operator = systemActor('test');

/** Columns that name a time to come (a deadline, an expiry, a validity): they may lie after the clock. */
const FUTURE_BY_DESIGN = /expires|until|due|deadline|next/i;

beforeAll(async () => {
  expect(systemClock().toISOString()).toBe(FIXED);
  const plan = bundledPlan();
  await loadPlan(operator, plan);
  const through = lastClosedMonth(systemClock());
  await seedDemoData(operator, plan, through);
  await seedDemoBulletins(operator, plan.id, through, systemClock());
  await seedDemoAccounts(operator, plan.id);
  await seedDemoSupervision(operator, plan.id);
}, 240_000);

test('no table holds a time after the frozen clock once the demo is seeded', async () => {
  const db = await getDb();
  const columns = await db.$queryRaw<{ table: string; column: string }[]>`
    SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
     WHERE table_schema = current_schema() AND data_type IN ('timestamp with time zone', 'timestamp without time zone')
       AND table_name NOT LIKE '\\_%' ORDER BY 1, 2`;
  const checked = columns.filter((c) => !FUTURE_BY_DESIGN.test(c.column));
  expect(checked.length).toBeGreaterThan(30);
  const late: string[] = [];
  let stamped = 0;
  for (const { table, column } of checked) {
    const [row] = await db.$queryRawUnsafe<{ late: number; filled: number }[]>(
      `SELECT count(*) FILTER (WHERE "${column}" > $1::timestamptz)::int AS late, count("${column}")::int AS filled FROM "${table}"`,
      FIXED,
    );
    stamped += row.filled;
    if (row.late > 0) late.push(`${table}.${column} (${row.late})`);
  }
  expect(stamped).toBeGreaterThan(1000);
  expect(late).toEqual([]);
});

test('the demo’s latest month has only the submissions whose day has come', async () => {
  const db = await getDb();
  const latest = lastClosedMonth(systemClock());
  const submissions = await db.submission.findMany({ where: { isDemo: true, month: latest }, select: { submittedAt: true } });
  expect(submissions.every((s) => s.submittedAt! <= new Date(FIXED))).toBe(true);
});

test('a save stamps created and updated times with the clock it is given, on insert and on change', async () => {
  const db = await getDb();
  const unitId = (await db.unit.findFirstOrThrow({ where: { planId: PLAN_ID, name: '区金融发展中心' } })).id;
  const region = (await db.unit.findFirstOrThrow({ where: { planId: PLAN_ID, kind: 'region' } })).id;
  const reporter = await makeReportingActor({ roles: ['unit_reporter'], unitId });
  const key = `pre_ipo_reserve:${region}:2027-03:final`;
  const first = fixedClock('2027-04-01T03:00:00.000Z');
  const second = fixedClock('2027-04-02T04:00:00.000Z');
  await saveDraft(reporter, { month: '2027-03', values: { [key]: { value: '12', version: 0 } } }, first);
  const created = await db.indicatorValue.findFirstOrThrow({ where: { reporterUnitId: unitId, month: '2027-03' } });
  expect([created.createdAt, created.updatedAt]).toEqual([first(), first()]);
  await saveDraft(reporter, { month: '2027-03', values: { [key]: { value: '13', version: created.version } } }, second);
  const changed = await db.indicatorValue.findUniqueOrThrow({ where: { id: created.id } });
  expect([changed.createdAt, changed.updatedAt]).toEqual([first(), second()]);
  const submission = await db.submission.findFirstOrThrow({ where: { unitId, month: '2027-03' } });
  expect(submission.createdAt).toEqual(first());
  expect(submission.updatedAt).toEqual(second());
});
