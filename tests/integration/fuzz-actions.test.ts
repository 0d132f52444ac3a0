// Fuzzing (issue 16): every server action's Zod schema and domain function, driven by fast-check with generated
// inputs (wrong types, huge and non-finite numbers, other units' ids, extra fields such as status or version, odd
// Unicode, malformed months). After each case: either a clear refusal (the schema's per-field errors, or a domain
// error with a message for the user) that changed no row, or a valid write that was audited. Never anything else.
//
// Two properties per entry point: the schema alone on many inputs (no database, so thousands are cheap), then the
// schema plus the domain function on fewer, as the action runs them. FUZZ_RUNS scales both (default 1).
import fc from 'fast-check';
import type { z } from 'zod';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/actor';
import { systemActor } from '@/lib/actor';
import { fixedClock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { allRoles } from '@/lib/permissions';
import { changeOwnPassword, endOwnSessions } from '@/lib/mutations/auth';
import { seedDemoData } from '@/lib/mutations/demo';
import * as deadlines from '@/lib/mutations/reporting/deadlines';
import * as entry from '@/lib/mutations/reporting/entry';
import * as reminders from '@/lib/mutations/reporting/reminders';
import * as review from '@/lib/mutations/reporting/review';
import { assignRoles, assignUnit, createUser, resetPassword, resetSecondFactor, setUserDisabled, terminateSessions, updateSecurityPolicy } from '@/lib/mutations/users';
import * as adminSchemas from '@/lib/schemas/admin';
import * as apiAdminSchemas from '@/lib/schemas/api/admin';
import { createApiClient, revokeApiClient } from '@/lib/mutations/api/clients';
import { changePasswordSchema, endSessionSchema } from '@/lib/schemas/auth';
import * as reportingSchemas from '@/lib/schemas/reporting';
import { setupTestDatabase } from '../support/db';
import { fuzzOutcomes } from '../support/fuzz-outcomes';
import { actorFor, makeUser as makeAccount } from '../support/accounts';
import { idFrom, inputOf, month, oddNumber, oddText, version } from '../support/fuzz';
import { bundledPlan } from '../support/plan';
import { loadBundledPlan, makeReportingActor } from '../support/reporting';

const reporting = { ...deadlines, ...entry, ...reminders, ...review };

setupTestDatabase();
process.env.NEXTAUTH_SECRET ??= 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';

const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const SCHEMA_RUNS = Math.round(1_000 * SCALE);
const DOMAIN_RUNS = Math.round(60 * SCALE);
const clock = fixedClock('2026-11-03T02:00:00Z');
const now = clock();

interface EntryPoint {
  name: string;
  schema: z.ZodType;
  input: fc.Arbitrary<unknown>;
  /** What the action does with the parsed input. */
  run: (data: never) => Promise<unknown>;
  /** Domain functions that parse their raw input again themselves get the raw input even when the schema refused it. */
  rawToo?: (raw: never) => Promise<unknown>;
}

const { outcomes, count, expectRefusedOrWritten } = fuzzOutcomes({ refusalMayWrite: (name) => name.startsWith('changeOwnPassword') });

let entries: EntryPoint[] = [];

beforeAll(async () => {
  const plan = await loadBundledPlan();
  await seedDemoData(systemActor('test'), bundledPlan(), '2026-10');
  const db = await getDb();
  const kjj = plan.unit('区科技局');
  const reporter = await makeReportingActor({ roles: ['unit_reporter'], unitId: kjj });
  const reviewer = await makeReportingActor({ roles: ['bureau_reviewer'] });
  const sysadmin = await makeReportingActor({ roles: ['system_admin'] });
  const secadmin = await makeReportingActor({ roles: ['security_admin'] });
  const account = await makeAccount({ roles: ['leader'] });
  const self: Actor = await actorFor(account.username);

  const valueIds = (await db.indicatorValue.findMany({ select: { id: true }, take: 40, orderBy: { id: 'desc' } })).map((v) => v.id);
  const taskReportIds = (await db.taskReport.findMany({ select: { id: true }, take: 20 })).map((t) => t.id);
  const submissionIds = (await db.submission.findMany({ select: { id: true }, take: 20, orderBy: { id: 'desc' } })).map((s) => s.id);
  const unitIds = (await db.unit.findMany({ select: { id: true } })).map((u) => u.id);
  const taskIds = (await db.task.findMany({ select: { id: true }, take: 30 })).map((t) => t.id);
  const targets = await Promise.all([1, 2, 3].map(() => makeAccount()));
  const userIds = [...targets.map((u) => u.id), reporter.userId!, reviewer.userId!, sysadmin.userId!, secadmin.userId!];
  const itemKeys = (await db.indicatorValue.findMany({ where: { unitId: plan.regionId }, select: { indicator: { select: { code: true } }, unitId: true, month: true, stage: true }, take: 20, orderBy: { id: 'desc' } })).map(
    (v) => `${v.indicator.code}:${v.unitId}:${v.month}:${v.stage}`,
  );
  const itemKey = fc.oneof(fc.constantFrom(...itemKeys), fc.constantFrom('tech_smes:1:2026-03:final', 'x:y:z:w', '__proto__', 'tech_smes:99999:2026-03:final'), oddText);
  const reason = fc.oneof(fc.constantFrom('数据口径有误，请核对', '补报'), oddText);
  const id = (real: number[]) => idFrom(real.length > 0 ? real : [1]);
  const password = fc.oneof(fc.constantFrom('Qiye#Beibei2026', 'Known#2026pass', 'short', ''), oddText);
  const policyField = fc.oneof(fc.integer({ min: 0, max: 400 }), oddNumber);
  const validPolicy = { minLength: 10, minClasses: 3, expiryDays: 90, historyCount: 5, lockoutThreshold: 5, lockoutMinutes: 30, idleMinutes: 30, absoluteHours: 12, secondFactorForAll: '' };

  const S = reportingSchemas;
  const A = adminSchemas;
  entries = [
    {
      name: 'saveDraft (reporting entry)',
      schema: S.saveDraftSchema,
      input: inputOf({
        month,
        values: fc.dictionary(itemKey as fc.Arbitrary<string>, fc.record({ value: fc.oneof(oddNumber, oddText), version, comment: fc.option(oddText, { nil: undefined }) }, { requiredKeys: ['version'] }), { maxKeys: 4 }),
        tasks: fc.dictionary(fc.oneof(fc.constantFrom(...taskIds.map(String)), oddText), fc.record({ progress: fc.constantFrom('on_track', 'behind', 'done', '', 'approved'), narrative: oddText, version }, { requiredKeys: ['version'] }), { maxKeys: 2 }),
      }),
      run: (data) => reporting.saveDraft(reporter, data, clock),
      rawToo: (raw) => reporting.saveDraft(reporter, raw, clock),
    },
    { name: 'submitMonth', schema: S.submitMonthSchema, input: inputOf({ month, version }), run: (data) => reporting.submitMonth(reporter, data, clock), rawToo: (raw) => reporting.submitMonth(reporter, raw, clock) },
    { name: 'approveValues', schema: S.approveValuesSchema, input: inputOf({ items: fc.array(fc.oneof(fc.tuple(id(valueIds), version).map(([v, n]) => `${v}@${n}`), fc.record({ valueId: id(valueIds), version }), oddText), { maxLength: 4 }) }), run: (data) => reporting.approveValues(reviewer, data, clock) },
    { name: 'returnValue', schema: S.returnValueSchema, input: inputOf({ valueId: id(valueIds), version, reason }), run: (data) => reporting.returnValue(reviewer, data, clock) },
    { name: 'unlockValue', schema: S.unlockValueSchema, input: inputOf({ valueId: id(valueIds), version, reason }), run: (data) => reporting.unlockValue(reviewer, data, clock) },
    { name: 'approveTaskReports', schema: S.approveTaskReportsSchema, input: inputOf({ items: fc.array(fc.oneof(fc.tuple(id(taskReportIds), version).map(([v, n]) => `${v}@${n}`), oddText), { maxLength: 3 }) }), run: (data) => reporting.approveTaskReports(reviewer, data, clock) },
    { name: 'returnTaskReport', schema: S.returnTaskReportSchema, input: inputOf({ taskReportId: id(taskReportIds), version, reason }), run: (data) => reporting.returnTaskReport(reviewer, data, clock) },
    { name: 'approveSubmission', schema: S.approveSubmissionSchema, input: inputOf({ submissionId: id(submissionIds), version }), run: (data) => reporting.approveSubmission(reviewer, data, clock) },
    { name: 'returnSubmission', schema: S.returnSubmissionSchema, input: inputOf({ submissionId: id(submissionIds), version, reason }), run: (data) => reporting.returnSubmission(reviewer, data, clock) },
    { name: 'extendDeadline', schema: S.extendDeadlineSchema, input: inputOf({ unitId: id(unitIds), month, until: fc.oneof(fc.constantFrom('2026-11-20', '2026-02-30', '2026-11-01', '1999-01-01'), oddText), reason }), run: (data) => reporting.extendDeadline(reviewer, data, clock) },
    { name: 'reopenMonth', schema: S.reopenMonthSchema, input: inputOf({ unitId: id(unitIds), month, reason }), run: (data) => reporting.reopenMonth(reviewer, data, clock) },
    { name: 'sendReminder', schema: S.sendReminderSchema, input: inputOf({ month, unitIds: fc.oneof(id(unitIds), fc.array(id(unitIds), { maxLength: 4 })), message: oddText }), run: (data) => reporting.sendReminder(reviewer, data, clock) },
    { name: 'markRemindersSeen', schema: S.markRemindersSeenSchema, input: inputOf({ reminderIds: fc.array(id([1, 2, 3]), { maxLength: 3 }) }), run: (data) => reporting.markRemindersSeen(reporter, data, clock) },
    {
      name: 'updateReportingSettings',
      schema: S.reportingSettingsSchema,
      input: inputOf({ dueDay: fc.oneof(fc.integer({ min: 1, max: 28 }), oddNumber), jumpThresholdPercent: fc.oneof(fc.integer({ min: 1, max: 1000 }), oddNumber), firstMonth: fc.oneof(month, fc.constant('')), version }), run: (data) => reporting.updateReportingSettings(reviewer, data) },
    { name: 'createUser (admin)', schema: A.createUserSchema, input: inputOf({ username: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9._-]{2,12}$/), oddText), displayName: oddText, unitId: fc.oneof(id(unitIds), fc.constant('')), temporaryPassword: password }), run: (data) => createUser(sysadmin, data) },
    { name: 'assignUnit', schema: A.assignUnitSchema, input: inputOf({ userId: id(userIds), version, unitId: fc.oneof(id(unitIds), fc.constant('')) }), run: (data) => assignUnit(sysadmin, data) },
    { name: 'setUserDisabled', schema: A.setUserDisabledSchema, input: inputOf({ userId: id(userIds), version, disabled: fc.constantFrom('true', 'false', 'yes', true), reason }), run: (data) => setUserDisabled(sysadmin, data, now) },
    { name: 'resetPassword', schema: A.resetPasswordSchema, input: inputOf({ userId: id(userIds), version, temporaryPassword: password }), run: (data) => resetPassword(sysadmin, data, now) },
    { name: 'assignRoles', schema: A.assignRolesSchema, input: inputOf({ userId: id(userIds), version, roles: fc.oneof(fc.subarray([...allRoles]), fc.constantFrom('system_admin', 'root'), oddText) }), run: (data) => assignRoles(secadmin, data) },
    { name: 'terminateSessions', schema: A.terminateSessionsSchema, input: inputOf({ userId: id(userIds), reason }), run: (data) => terminateSessions(secadmin, data, now) },
    { name: 'resetSecondFactor', schema: A.resetSecondFactorSchema, input: inputOf({ userId: id(userIds), version, reason }), run: (data) => resetSecondFactor(secadmin, data, now) },
    {
      name: 'updateSecurityPolicy',
      schema: A.securityPolicyFormSchema,
      // A valid policy with one field replaced, or all fields generated: both reach the domain function.
      input: fc.oneof(
        fc.tuple(fc.constantFrom(...Object.keys(validPolicy)), policyField, version).map(([field, value, v]) => ({ ...validPolicy, [field]: value, version: v })),
        inputOf({ minLength: policyField, minClasses: policyField, expiryDays: policyField, historyCount: policyField, lockoutThreshold: policyField, lockoutMinutes: policyField, idleMinutes: policyField, absoluteHours: policyField, secondFactorForAll: fc.constantFrom('true', '', true, 'on'), version }),
      ),
      run: ({ version: v, ...policy }: { version: number }) => updateSecurityPolicy(secadmin, { policy: policy as never, version: v }),
    },
    {
      name: 'changeOwnPassword (account)',
      schema: changePasswordSchema,
      input: fc.oneof(
        fc.tuple(password, password).map(([currentPassword, newPassword]) => ({ currentPassword, newPassword, confirmPassword: newPassword })),
        inputOf({ currentPassword: password, newPassword: password, confirmPassword: password }),
      ), run: (data: { currentPassword: string; newPassword: string }) => changeOwnPassword(self, { currentPassword: data.currentPassword, newPassword: data.newPassword }, now) },
    {
      name: 'createApiClient (admin)',
      schema: apiAdminSchemas.createApiClientSchema,
      input: inputOf({
        name: fc.oneof(fc.constantFrom('区统计局数据平台', '大屏'), oddText),
        scopes: fc.oneof(fc.subarray(['read', 'report', 'registry']), fc.constantFrom('read', 'admin'), oddText),
        unitIds: fc.oneof(fc.array(id(unitIds), { maxLength: 3 }), id(unitIds), fc.constant('')),
        indicatorIds: fc.oneof(fc.array(id([1, 2, 3, 999_999]), { maxLength: 3 }), fc.constant('')),
        allowedIps: fc.oneof(fc.constantFrom('', '10.1.0.0/16', '192.0.2.7\n10.0.0.0/33', 'intranet'), oddText),
        expiresOn: fc.oneof(fc.constantFrom('2027-11-03', '2026-11-03', '2040-01-01', '2027-02-30'), oddText),
        rateLimitPerMinute: fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 20_000 }), oddNumber),
      }),
      run: (data) => createApiClient(sysadmin, data, now),
    },
    { name: 'revokeApiClient (admin)', schema: apiAdminSchemas.revokeApiClientSchema, input: inputOf({ clientId: id([1, 2, 3]), version }), run: (data) => revokeApiClient(sysadmin, data, now) },
    { name: 'endOwnSessions', schema: endSessionSchema, input: inputOf({ session: fc.oneof(fc.constant('others'), fc.stringMatching(/^[0-9a-f]{16}$/), oddText) }), run: (data) => endOwnSessions(self, data, now) },
  ];
}, 300_000);

describe('every entry point: a clear refusal or a valid write, never an unexpected error, never a row changed on refusal', () => {
  test('the schemas alone: never throw, refuse with per-field messages, and never let a field outside the form through', () => {
    for (const entry of entries) {
      fc.assert(
        fc.property(entry.input, (raw) => {
          const parsed = entry.schema.safeParse(raw);
          if (parsed.success) {
            for (const field of ['status', 'submittedById', 'isDemo']) expect(parsed.data as object, `${entry.name} let ${field} through`).not.toHaveProperty(field);
          } else {
            expect(parsed.error.issues.length).toBeGreaterThan(0);
            for (const issue of parsed.error.issues) expect(typeof issue.message).toBe('string');
          }
        }),
        { numRuns: SCHEMA_RUNS },
      );
      count(entry.name, `schema cases: ${SCHEMA_RUNS}`);
    }
  }, 300_000);

  test('schema then domain function, as the action runs them', async () => {
    for (const entry of entries) {
      await fc.assert(
        fc.asyncProperty(entry.input, async (raw) => {
          const parsed = entry.schema.safeParse(raw);
          if (parsed.success) await expectRefusedOrWritten(entry.name, () => entry.run(parsed.data as never));
          else if (entry.rawToo) await expectRefusedOrWritten(entry.name, () => entry.rawToo!(raw as never));
          else count(entry.name, 'refused by the schema');
        }),
        { numRuns: DOMAIN_RUNS },
      );
    }
    const table = [...outcomes].map(([name, byOutcome]) => `${name}: ${Object.entries(byOutcome).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(table.join('\n'));
    // The generators must reach the domain functions, not only the schemas: most entry points accepted or wrote something.
    const reachedDomain = [...outcomes.values()].filter((o) => Object.keys(o).some((k) => k === 'written' || k.startsWith('refused: ') || k.startsWith('accepted'))).length;
    expect(reachedDomain).toBeGreaterThanOrEqual(entries.length - 2);
  }, 600_000);
});
