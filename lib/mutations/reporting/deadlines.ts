// Server only. Every function takes the acting user first. The bureau's hold on the calendar: extending one unit's
// deadline for a month, reopening a closed month, and the reporting settings (due day, jump threshold, first month).
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { systemClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { InvalidTransitionError } from '@/lib/errors';
import { loadFormDefinition, loadReportingSettings } from '@/lib/mutations/reporting/form-store';
import { getPlanStructure } from '@/lib/mutations/reporting/plan-structure';
import {
  assertCan,
  lockSubmission,
  parse,
  planIdOfUnit,
  TX_OPTIONS,
  type Client,
  type LockedSubmission,
} from '@/lib/mutations/reporting/store';
import { defaultClosesAt, endOfCstDay, windowState, type WindowState } from '@/lib/reporting/deadlines';
import { ReportValidationError, staleVersionError } from '@/lib/reporting/errors';
import { REPORTING_SETTING_KEY } from '@/lib/reporting/settings';
import {
  extendDeadlineSchema,
  reopenMonthSchema,
  reportingSettingsSchema,
  type ExtendDeadlineInput,
  type ReopenMonthInput,
  type ReportingSettingsInput,
} from '@/lib/schemas/reporting';

/** Extends one unit's deadline for one month (end of the given CST day). On time is then judged against it. */
export async function extendDeadline(
  actor: Actor,
  input: ExtendDeadlineInput,
  clock: Clock = systemClock,
): Promise<{ submissionId: number; closesAt: Date }> {
  const data = parse(extendDeadlineSchema, input);
  assertCan(actor, 'reporting.manageDeadlines');
  const db = await getDb();
  const structure = await getPlanStructure(db, await planIdOfUnit(db, data.unitId));
  await loadFormDefinition(db, structure, data.unitId, data.month);
  const closesAt = endOfCstDay(data.until);
  const now = clock();
  return db.$transaction(async (tx) => {
    const settings = await loadReportingSettings(tx);
    if (closesAt <= defaultClosesAt(data.month, settings.dueDay))
      throw new ReportValidationError({ until: ['validation.extensionTooEarly'] });
    const submission = (await lockSubmission(tx, data.unitId, data.month, true, now))!;
    await tx.submission.update({
      where: { id: submission.id },
      // Not the version: it tracks the items a reviewer approves and a reporter submits, which did not change.
      data: { extendedUntil: closesAt, extensionReason: data.reason, extendedById: actor.userId, updatedAt: now },
    });
    await recordAudit(tx, actor, {
      event: 'reporting.deadline.extended',
      targetType: 'submission',
      targetId: submission.id,
      reason: data.reason,
      before: { extendedUntil: submission.extendedUntil },
      after: { unitId: data.unitId, month: data.month, extendedUntil: closesAt, at: now },
    });
    return { submissionId: submission.id, closesAt };
  }, TX_OPTIONS);
}

/** Reopens a closed month for one unit, with a reason, until its next submit. A late report stays late. */
export async function reopenMonth(
  actor: Actor,
  input: ReopenMonthInput,
  clock: Clock = systemClock,
): Promise<{ submissionId: number }> {
  const data = parse(reopenMonthSchema, input);
  assertCan(actor, 'reporting.manageDeadlines');
  const db = await getDb();
  const structure = await getPlanStructure(db, await planIdOfUnit(db, data.unitId));
  await loadFormDefinition(db, structure, data.unitId, data.month);
  const now = clock();
  return db.$transaction(async (tx) => {
    const submission = (await lockSubmission(tx, data.unitId, data.month, true, now))!;
    const window = await windowOf(tx, submission, data.month, now);
    if (window === 'open' || window === 'not_open')
      throw new InvalidTransitionError('尚未过截止时间，无需重新开放', 'The month is not closed yet');
    if (window === 'reopened') throw new InvalidTransitionError('该月已重新开放', 'The month is already reopened');
    await tx.submission.update({
      where: { id: submission.id },
      data: { reopened: true, reopenReason: data.reason, reopenedAt: now, reopenedById: actor.userId, updatedAt: now },
    });
    await recordAudit(tx, actor, {
      event: 'reporting.reopened',
      targetType: 'submission',
      targetId: submission.id,
      reason: data.reason,
      after: { unitId: data.unitId, month: data.month },
    });
    return { submissionId: submission.id };
  }, TX_OPTIONS);
}

export async function updateReportingSettings(
  actor: Actor,
  input: ReportingSettingsInput,
): Promise<{ version: number }> {
  const data = parse(reportingSettingsSchema, input);
  assertCan(actor, 'reporting.manageDeadlines');
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const before = await loadReportingSettings(tx);
    const value = { dueDay: data.dueDay, jumpThreshold: data.jumpThresholdPercent / 100, firstMonth: data.firstMonth };
    if (before.version === 0 && data.version === 0) {
      const created = await tx.appSetting.createMany({
        data: [{ key: REPORTING_SETTING_KEY, value }],
        skipDuplicates: true,
      });
      if (created.count !== 1) throw staleVersionError([{ field: 'settings', changedBy: null, changedAt: null }]);
    } else {
      const { count } = await tx.appSetting.updateMany({
        where: { key: REPORTING_SETTING_KEY, version: data.version },
        data: { value, version: { increment: 1 } },
      });
      if (count !== 1) throw staleVersionError([{ field: 'settings', changedBy: null, changedAt: null }]);
    }
    const { version: _v, ...was } = before;
    await recordAudit(tx, actor, {
      event: 'reporting.settings.changed',
      targetType: 'setting',
      targetId: REPORTING_SETTING_KEY,
      before: was,
      after: value,
    });
    return { version: data.version + 1 };
  });
}

async function windowOf(
  client: Client,
  submission: Pick<LockedSubmission, 'month' | 'extendedUntil' | 'reopened'> | null,
  month: string,
  now: Date,
): Promise<WindowState> {
  const settings = await loadReportingSettings(client);
  return windowState(now, {
    month,
    dueDay: settings.dueDay,
    extendedUntil: submission?.extendedUntil ?? null,
    reopened: submission?.reopened ?? false,
  });
}
