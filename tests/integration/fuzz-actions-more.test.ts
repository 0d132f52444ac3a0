// Fuzzing, continued (issue 16): the server actions fuzz-actions.test.ts does not drive — 撤回 (withdraw), unlocking
// a task report, the five 督办 (supervision) steps, the three bulletin steps and the two-factor enrolment — with the same generators and the
// same invariant after each case: a clear refusal that changed no row, or a valid write with an audit row.
// tests/unit/fuzz-coverage.test.ts checks that every exported server action is driven by one of the two files.
import fc from 'fast-check';
import { z } from 'zod';
import { beforeAll, expect, test } from 'vitest';
import { systemActor } from '@/lib/actor';
import { fixedClock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { createBulletinDraft, editBulletinText, publishBulletin } from '@/lib/mutations/bulletin/draft';
import { seedDemoData } from '@/lib/mutations/demo';
import { unlockTaskReport } from '@/lib/mutations/reporting/review';
import { withdrawSubmission } from '@/lib/mutations/reporting/withdraw';
import { answerSupervision, closeSupervision, extendSupervision, raiseSupervision, returnSupervision } from '@/lib/mutations/supervision';
import { seedDemoSupervision } from '@/lib/mutations/supervision/demo';
import { bulletinMonthSchema, bulletinTextSchema, publishBulletinSchema } from '@/lib/schemas/bulletin';
import { beginTotpEnrolment, confirmTotpEnrolment } from '@/lib/mutations/auth';
import { totpCodeSchema } from '@/lib/schemas/auth';
import { unlockTaskReportSchema, withdrawSchema } from '@/lib/schemas/reporting';
import { answerSupervisionSchema, closeSupervisionSchema, extendSupervisionSchema, raiseSupervisionSchema, returnSupervisionSchema } from '@/lib/schemas/supervision/items';
import { setupTestDatabase } from '../support/db';
import { fuzzOutcomes } from '../support/fuzz-outcomes';
import { idFrom, inputOf, month, oddText, version } from '../support/fuzz';
import { bundledPlan } from '../support/plan';
import { loadBundledPlan, makeReportingActor } from '../support/reporting';

setupTestDatabase();
process.env.NEXTAUTH_SECRET ??= 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';

const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const SCHEMA_RUNS = Math.round(1_000 * SCALE);
const DOMAIN_RUNS = Math.round(40 * SCALE);
const clock = fixedClock('2026-11-03T02:00:00Z');
const now = clock();

interface EntryPoint {
  name: string;
  schema: z.ZodType;
  input: fc.Arbitrary<unknown>;
  run: (data: never) => Promise<unknown>;
}

const { outcomes, count, expectRefusedOrWritten } = fuzzOutcomes();

let entries: EntryPoint[] = [];

beforeAll(async () => {
  const plan = await loadBundledPlan();
  await seedDemoData(systemActor('test'), bundledPlan(), '2026-10');
  await seedDemoSupervision(systemActor('test'), bundledPlan().id, clock);
  const db = await getDb();
  const kjj = plan.unit('区科技局');
  const reporter = await makeReportingActor({ roles: ['unit_reporter'], unitId: kjj });
  const reviewer = await makeReportingActor({ roles: ['bureau_reviewer'] });
  const leader = await makeReportingActor({ roles: ['leader'] });
  const unitIds = (await db.unit.findMany({ select: { id: true } })).map((u) => u.id);
  const taskIds = (await db.task.findMany({ select: { id: true }, take: 20 })).map((t) => t.id);
  const taskReportIds = (await db.taskReport.findMany({ select: { id: true }, take: 20 })).map((t) => t.id);
  const itemIds = (await db.supervisionItem.findMany({ select: { id: true } })).map((i) => i.id);
  const id = (real: number[]) => idFrom(real.length > 0 ? real : [1]);
  const reason = fc.oneof(fc.constantFrom('数据口径有误，请核对', '补报'), oddText);
  const text = fc.oneof(fc.constantFrom('请于月底前完成企业走访并报送进展', '已完成'), oddText);
  const date = fc.oneof(fc.constantFrom('2026-11-30', '2026-12-31', '2026-02-30', '2026-11-01', '1999-01-01', ''), oddText);
  const target = fc.oneof(
    fc.tuple(fc.constantFrom('task', 'indicator', 'unit', 'plan'), id([...taskIds, ...unitIds])).map(([k, n]) => `${k}:${n}`),
    fc.record({ targetKind: fc.constantFrom('task', 'unit', 'status'), targetId: id(unitIds) }),
    oddText,
  );
  const itemId = id(itemIds);

  entries = [
    { name: 'withdrawSubmission (撤回)', schema: withdrawSchema, input: inputOf({ month, version, item: fc.option(fc.oneof(fc.constantFrom('v:1', 't:1', 'x:1'), fc.tuple(fc.constantFrom('v', 't'), id(taskReportIds)).map(([k, n]) => `${k}:${n}`), oddText), { nil: undefined }) }), run: (data) => withdrawSubmission(reporter, data, clock) },
    { name: 'unlockTaskReport', schema: unlockTaskReportSchema, input: inputOf({ taskReportId: id(taskReportIds), version, reason }), run: (data) => unlockTaskReport(reviewer, data, clock) },
    { name: 'raiseSupervision', schema: raiseSupervisionSchema, input: inputOf({ target, text, leadUnitId: id(unitIds), cooperatingUnitIds: fc.oneof(id(unitIds), fc.array(id(unitIds), { maxLength: 3 }), fc.constant('')), dueDate: date, cadenceDays: fc.oneof(fc.constantFrom('', '7', '0', '91'), oddText) }), run: (data) => raiseSupervision(leader, data, clock) },
    { name: 'answerSupervision', schema: answerSupervisionSchema, input: inputOf({ itemId, version, text, selfStatus: fc.constantFrom('on_track', 'behind', 'done', 'closed', '') }), run: (data) => answerSupervision(reporter, data, clock) },
    { name: 'returnSupervision', schema: returnSupervisionSchema, input: inputOf({ itemId, version, reason }), run: (data) => returnSupervision(reviewer, data, clock) },
    { name: 'extendSupervision', schema: extendSupervisionSchema, input: inputOf({ itemId, version, dueDate: date, reason }), run: (data) => extendSupervision(leader, data, clock) },
    { name: 'closeSupervision', schema: closeSupervisionSchema, input: inputOf({ itemId, version, comment: fc.option(oddText, { nil: undefined }) }), run: (data) => closeSupervision(reviewer, data, clock) },
    { name: 'createBulletinDraft', schema: bulletinMonthSchema, input: inputOf({ month }), run: (data) => createBulletinDraft(reviewer, data, now) },
    { name: 'editBulletinText', schema: bulletinTextSchema, input: inputOf({ month, foreword: text, remarks: text, version }), run: (data) => editBulletinText(reviewer, data) },
    { name: 'beginTotpEnrolment (account)', schema: z.object({}).strict(), input: inputOf({}), run: () => beginTotpEnrolment(leader) },
    { name: 'confirmTotpEnrolment (account)', schema: totpCodeSchema, input: inputOf({ code: fc.oneof(fc.stringMatching(/^\d{6}$/), fc.constantFrom('000000', '12345', '1234567', ''), oddText) }), run: (data: { code: string }) => confirmTotpEnrolment(leader, data.code, now) },
    { name: 'publishBulletin', schema: publishBulletinSchema, input: inputOf({ month, version }), run: (data) => publishBulletin(reviewer, data, now) },
  ];
}, 300_000);

test('the schemas alone: never throw, refuse with per-field messages, and never let a field outside the form through', () => {
  for (const entry of entries) {
    fc.assert(
      fc.property(entry.input, (raw) => {
        const parsed = entry.schema.safeParse(raw);
        if (parsed.success) {
          for (const field of ['status', 'submittedById', 'isDemo']) expect(parsed.data as object, `${entry.name} let ${field} through`).not.toHaveProperty(field);
        } else {
          for (const issue of parsed.error.issues) expect(typeof issue.message).toBe('string');
        }
      }),
      { numRuns: SCHEMA_RUNS },
    );
  }
}, 300_000);

test('schema then domain function: a clear refusal or a valid, audited write, never an unexpected error', async () => {
  for (const entry of entries) {
    await fc.assert(
      fc.asyncProperty(entry.input, async (raw) => {
        const parsed = entry.schema.safeParse(raw);
        if (parsed.success) await expectRefusedOrWritten(entry.name, () => entry.run(parsed.data as never));
        else count(entry.name, 'refused by the schema');
      }),
      { numRuns: DOMAIN_RUNS },
    );
  }
  console.log([...outcomes].map(([name, o]) => `${name}: ${Object.entries(o).map(([k, v]) => `${k} ${v}`).join(', ')}`).join('\n'));
  const reachedDomain = [...outcomes.values()].filter((o) => Object.keys(o).some((k) => k !== 'refused by the schema')).length;
  expect(reachedDomain).toBeGreaterThanOrEqual(entries.length - 2);
}, 600_000);
