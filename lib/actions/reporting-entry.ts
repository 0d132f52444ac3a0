'use server';
// Server actions of the reporter's monthly form: save a draft (optionally submitting it), acknowledge 催办
// reminders, and the Excel import (preview and confirm from one form). The unit is always the session's, never the
// client's; every action goes through authorizedAction.
import { revalidatePath } from 'next/cache';
import { authorizedAction } from '@/lib/actions/action-state';
import { saveDraft, type SaveResult, type SubmitResult } from '@/lib/mutations/reporting/entry';
import { submitMonthWithRegistry } from '@/lib/mutations/registry/derived';
import { withdrawSubmission, type WithdrawResult } from '@/lib/mutations/reporting/withdraw';
import { DomainError, isDomainError } from '@/lib/errors';
import { markRemindersSeen } from '@/lib/mutations/reporting/reminders';
import { confirmImport } from '@/lib/mutations/reporting/import';
import { previewImport, type ImportPreview } from '@/lib/queries/reporting/import-preview';
import { MAX_UPLOAD_BYTES } from '@/lib/excel/parse';
import { ReportValidationError } from '@/lib/reporting/errors';
import { formEntryInput, importFormSchema } from '@/lib/reporting/entry-form';
import { markRemindersSeenSchema, saveDraftSchema, withdrawSchema, type SaveDraftRawInput } from '@/lib/schemas/reporting';

export interface SaveFormResult {
  saved: SaveResult;
  submitted: SubmitResult | null;
}

/**
 * Saves the whole form as a draft; with `intent=submit` it then submits the month, bound to the version just saved,
 * after filling the registry-counted slots still empty from the registry (they are never typed).
 *
 * A draft save answers with what it wrote and nothing else: the form draws the new versions, statuses and the month's
 * badge itself (components/reporting/form-live.ts). Rendering the page again into the answer cost most of a save's
 * CPU (docs/benchmarks.md). A submit changes the page's mode (read-only items, registry-filled figures, 撤回), so
 * it, and a submit refused after the draft was stored, still render the page afresh.
 */
export const saveReportAction = authorizedAction(
  { schema: saveDraftSchema, permission: 'figure.enter', name: 'saveReportAction', parse: (raw) => formEntryInput(raw).input },
  async (actor, input, raw): Promise<SaveFormResult> => {
    const { input: rawInput, intent } = formEntryInput(raw);
    const saved = await saveDraft(actor, rawInput as SaveDraftRawInput);
    let submitted: SubmitResult | null = null;
    if (intent === 'submit') {
      try {
        submitted = await submitMonthWithRegistry(actor, { month: input.month, version: saved.version });
      } catch (error) {
        if (!isDomainError(error) || saved.created + saved.changed === 0) throw error;
        // The draft is stored: say so, and render the page afresh (the error carries no versions).
        revalidatePath(`/report/${input.month}`);
        throw draftSavedNotSubmitted(error, saved);
      }
      revalidatePath(`/report/${input.month}`);
    }
    return { saved, submitted };
  },
);

/** "Saved, but not submitted": the save succeeded even though the submit was refused. */
function draftSavedNotSubmitted(error: DomainError, saved: SaveResult): DomainError {
  const n = saved.created + saved.changed;
  return new DomainError(
    `草稿已保存（${n} 项），但未能报送：${error.message}`,
    `The draft was saved (${n} ${n === 1 ? 'field' : 'fields'}), but not submitted: ${error.messageEn}`,
    error.fields,
  );
}

/** 撤回: takes back one submitted item or all of them, bound to the submission version the page showed. */
export const withdrawAction = authorizedAction(
  { schema: withdrawSchema, permission: 'figure.submit', name: 'withdrawAction' },
  async (actor, input): Promise<WithdrawResult> => {
    const result = await withdrawSubmission(actor, input);
    revalidatePath(`/report/${input.month}`);
    revalidatePath('/review');
    return result;
  },
);

export const markRemindersSeenAction = authorizedAction(
  { schema: markRemindersSeenSchema, name: 'markRemindersSeenAction' },
  async (actor, input) => markRemindersSeen(actor, input),
);

export type ImportActionResult = { intent: 'preview'; preview: ImportPreview } | { intent: 'confirm'; preview: ImportPreview; saved: SaveResult };

/**
 * One form, two buttons: `intent=preview` reads the file and writes nothing; `intent=confirm` re-reads the same
 * file from the same submission and writes it only if its sha256 equals the previewed one. Nothing is stored
 * between the two requests.
 */
export const importReportAction = authorizedAction(
  { schema: importFormSchema, permission: 'figure.import', name: 'importReportAction' },
  async (actor, input): Promise<ImportActionResult> => {
    const file = input.file as File;
    if (file.size > MAX_UPLOAD_BYTES) throw new ReportValidationError({ file: ['validation.fileTooLarge'] }, '文件超过 2 MB', 'The file is larger than 2 MB');
    const upload = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    if (input.intent === 'preview' || !input.fileHash) return { intent: 'preview', preview: await previewImport(actor, { month: input.month, file: upload }) };
    const saved = await confirmImport(actor, { month: input.month, fileHash: input.fileHash, file: upload });
    revalidatePath(`/report/${input.month}`);
    const preview = await previewImport(actor, { month: input.month, file: upload });
    return { intent: 'confirm', preview, saved };
  },
);

