'use server';
// Server actions of the bureau's review screens, one per job, each through authorizedAction (session → permission →
// Zod → one domain function of lib/mutations/reporting). The domain functions check the permission again (with the
// submitter, so nobody approves their own figures), check the version the reviewer saw, and audit in the same
// transaction.
import { revalidatePath } from 'next/cache';
import { authorizedAction, type ActionState } from '@/lib/actions/action-state';
import { extendDeadline, reopenMonth, updateReportingSettings } from '@/lib/mutations/reporting/deadlines';
import { sendReminder, type ReminderResult } from '@/lib/mutations/reporting/reminders';
import { approveSubmission, approveTaskReports, approveValues, returnSubmission, returnTaskReport, returnValue, unlockTaskReport, unlockValue } from '@/lib/mutations/reporting/review';
import {
  approveSubmissionSchema,
  approveTaskReportsSchema,
  approveValuesSchema,
  extendDeadlineSchema,
  reopenMonthSchema,
  reportingSettingsSchema,
  returnSubmissionSchema,
  returnTaskReportSchema,
  returnValueSchema,
  sendReminderSchema,
  unlockTaskReportSchema,
  unlockValueSchema,
} from '@/lib/schemas/reporting';

type Action<T> = (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

/**
 * Every review changes the queue, the unit's page, the reporter's form and the dashboards: the whole tree is rendered
 * afresh, not a list of paths (`refreshing` in action-state.ts).
 */
function refreshingAllPages<T>(action: Action<T>): Action<T> {
  return async (previous, formData) => {
    const state = await action(previous, formData);
    if (state.status === 'success') revalidatePath('/', 'layout');
    return state;
  };
}

const approveValuesJob = authorizedAction({ schema: approveValuesSchema, permission: 'figure.review', name: 'approveValues' }, async (actor, input) => {
  await approveValues(actor, input);
});
export async function approveValuesAction(previous: ActionState<void>, formData: FormData) {
  return refreshingAllPages(approveValuesJob)(previous, formData);
}

const returnValueJob = authorizedAction({ schema: returnValueSchema, permission: 'figure.review', name: 'returnValue' }, async (actor, input) => {
  await returnValue(actor, input);
});
export async function returnValueAction(previous: ActionState<void>, formData: FormData) {
  return refreshingAllPages(returnValueJob)(previous, formData);
}

const unlockValueJob = authorizedAction({ schema: unlockValueSchema, permission: 'figure.unlock', name: 'unlockValue' }, async (actor, input) => {
  await unlockValue(actor, input);
});
export async function unlockValueAction(previous: ActionState<void>, formData: FormData) {
  return refreshingAllPages(unlockValueJob)(previous, formData);
}

const approveTasksJob = authorizedAction({ schema: approveTaskReportsSchema, permission: 'figure.review', name: 'approveTaskReports' }, async (actor, input) => {
  await approveTaskReports(actor, input);
});
export async function approveTaskReportsAction(previous: ActionState<void>, formData: FormData) {
  return refreshingAllPages(approveTasksJob)(previous, formData);
}

const returnTaskJob = authorizedAction({ schema: returnTaskReportSchema, permission: 'figure.review', name: 'returnTaskReport' }, async (actor, input) => {
  await returnTaskReport(actor, input);
});
export async function returnTaskReportAction(previous: ActionState<void>, formData: FormData) {
  return refreshingAllPages(returnTaskJob)(previous, formData);
}

const unlockTaskJob = authorizedAction({ schema: unlockTaskReportSchema, permission: 'figure.unlock', name: 'unlockTaskReport' }, async (actor, input) => {
  await unlockTaskReport(actor, input);
});
export async function unlockTaskReportAction(previous: ActionState<void>, formData: FormData) {
  return refreshingAllPages(unlockTaskJob)(previous, formData);
}

const approveSubmissionJob = authorizedAction({ schema: approveSubmissionSchema, permission: 'figure.review', name: 'approveSubmission' }, async (actor, input) => {
  await approveSubmission(actor, input);
});
export async function approveSubmissionAction(previous: ActionState<void>, formData: FormData) {
  return refreshingAllPages(approveSubmissionJob)(previous, formData);
}

const returnSubmissionJob = authorizedAction({ schema: returnSubmissionSchema, permission: 'figure.review', name: 'returnSubmission' }, async (actor, input) => {
  await returnSubmission(actor, input);
});
export async function returnSubmissionAction(previous: ActionState<void>, formData: FormData) {
  return refreshingAllPages(returnSubmissionJob)(previous, formData);
}

const extendDeadlineJob = authorizedAction({ schema: extendDeadlineSchema, permission: 'reporting.manageDeadlines', name: 'extendDeadline' }, async (actor, input) => {
  await extendDeadline(actor, input);
});
export async function extendDeadlineAction(previous: ActionState<void>, formData: FormData) {
  return refreshingAllPages(extendDeadlineJob)(previous, formData);
}

const reopenMonthJob = authorizedAction({ schema: reopenMonthSchema, permission: 'reporting.manageDeadlines', name: 'reopenMonth' }, async (actor, input) => {
  await reopenMonth(actor, input);
});
export async function reopenMonthAction(previous: ActionState<void>, formData: FormData) {
  return refreshingAllPages(reopenMonthJob)(previous, formData);
}

const sendReminderJob = authorizedAction({ schema: sendReminderSchema, permission: 'reporting.remind', name: 'sendReminder' }, (actor, input) => sendReminder(actor, input));
export async function sendReminderAction(previous: ActionState<ReminderResult>, formData: FormData) {
  return refreshingAllPages(sendReminderJob)(previous, formData);
}

const settingsJob = authorizedAction({ schema: reportingSettingsSchema, permission: 'reporting.manageDeadlines', name: 'updateReportingSettings' }, (actor, input) =>
  updateReportingSettings(actor, input),
);
export async function updateReportingSettingsAction(previous: ActionState<{ version: number }>, formData: FormData) {
  return refreshingAllPages(settingsJob)(previous, formData);
}
