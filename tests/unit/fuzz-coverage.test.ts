// Every server action is fuzzed (issue 16): each exported action of lib/actions/** names the domain function it calls,
// and that function must be driven by one of the fuzz files (tests/integration/fuzz-actions.test.ts,
// fuzz-actions-more.test.ts, fuzz-actions-registry.test.ts). A new action fails this test until it is added there (or
// listed below with the reason it needs no fuzzing).
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const root = path.resolve(__dirname, '../..');

/** Action → the domain function its fuzz entry calls. */
const fuzzedBy: Record<string, string> = {
  saveReportAction: 'saveDraft',
  withdrawAction: 'withdrawSubmission',
  markRemindersSeenAction: 'markRemindersSeen',
  approveValuesAction: 'approveValues',
  returnValueAction: 'returnValue',
  unlockValueAction: 'unlockValue',
  approveTaskReportsAction: 'approveTaskReports',
  returnTaskReportAction: 'returnTaskReport',
  unlockTaskReportAction: 'unlockTaskReport',
  approveSubmissionAction: 'approveSubmission',
  returnSubmissionAction: 'returnSubmission',
  extendDeadlineAction: 'extendDeadline',
  reopenMonthAction: 'reopenMonth',
  sendReminderAction: 'sendReminder',
  updateReportingSettingsAction: 'updateReportingSettings',
  createUserAction: 'createUser',
  assignUnitAction: 'assignUnit',
  setUserDisabledAction: 'setUserDisabled',
  resetPasswordAction: 'resetPassword',
  assignRolesAction: 'assignRoles',
  terminateSessionsAction: 'terminateSessions',
  resetSecondFactorAction: 'resetSecondFactor',
  updateSecurityPolicyAction: 'updateSecurityPolicy',
  changePasswordAction: 'changeOwnPassword',
  endOwnSessionsAction: 'endOwnSessions',
  beginTotpEnrolmentAction: 'beginTotpEnrolment',
  confirmTotpEnrolmentAction: 'confirmTotpEnrolment',
  raiseSupervisionAction: 'raiseSupervision',
  answerSupervisionAction: 'answerSupervision',
  returnSupervisionAction: 'returnSupervision',
  extendSupervisionAction: 'extendSupervision',
  closeSupervisionAction: 'closeSupervision',
  createBulletinDraftAction: 'createBulletinDraft',
  editBulletinTextAction: 'editBulletinText',
  publishBulletinAction: 'publishBulletin',
  createApiClientAction: 'createApiClient',
  revokeApiClientAction: 'revokeApiClient',
  createEnterpriseAction: 'createEnterprise',
  updateEnterpriseAction: 'updateEnterprise',
  recordQualificationAction: 'recordQualification',
  endQualificationAction: 'endQualification',
  fillRegistryFiguresAction: 'fillRegistryFigures',
  // Generated row sets written into real workbooks (and bytes that are no workbook), previewed and confirmed.
  registryImportAction: 'confirmRegistryImport',
  publishRuleVersionAction: 'publishRuleVersion',
  saveShareGridAction: 'saveShareGrid',
};

/** Actions with no fuzz entry, and why. */
const notFuzzed: Record<string, string> = {
  setLocaleAction: 'writes only the language cookie (z.enum of the two locales), no database',
  importReportAction:
    'an uploaded workbook: the parser has its own hostile-file tests (tests/integration/reporting-import.test.ts) and confirmImport runs the same applyForm as saveDraft, which is fuzzed',
};

function listActions(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listActions(file));
    else if (/\.tsx?$/.test(entry.name)) {
      const source = fs.readFileSync(file, 'utf8');
      if (!/^'use server'/m.test(source)) continue;
      for (const m of source.matchAll(/export (?:const|async function) (\w+Action)\b/g)) out.push(m[1]);
    }
  }
  return out;
}

test('every exported server action is fuzzed, or listed with the reason it is not', () => {
  const actions = listActions(path.join(root, 'lib/actions')).sort();
  expect(actions.length).toBeGreaterThan(30);
  expect(actions.filter((a) => !(a in fuzzedBy) && !(a in notFuzzed))).toEqual([]);
  expect(Object.keys(fuzzedBy).filter((a) => !actions.includes(a))).toEqual([]);
  const fuzzSources = ['fuzz-actions.test.ts', 'fuzz-actions-more.test.ts', 'fuzz-actions-registry.test.ts'].map((f) => fs.readFileSync(path.join(root, 'tests/integration', f), 'utf8')).join('\n');
  const missing = Object.entries(fuzzedBy).filter(([, fn]) => !new RegExp(`\\b${fn}\\(`).test(fuzzSources));
  expect(missing).toEqual([]);
});
