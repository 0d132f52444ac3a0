// Pure: input schemas of supervision items (督办), shared by forms, server actions and domain functions. `.strict()`
// everywhere: no state, raiser or answering unit rides along (the unit that answers is the actor's own). Messages are
// keys of the `validation` namespace.
import { z } from 'zod';
import { isStorableText, STORABLE_TEXT_MESSAGE } from '@/lib/schemas/text';
import { isDateString } from '@/lib/reporting/deadlines';
import { supervisionTargetKinds } from '@/lib/supervision/targets';

const MAX_INT = 2_147_483_647;
export const MAX_SUPERVISION_TEXT = 2_000;
export const MAX_ATTACHMENTS = 5;
/** Only metadata is kept; the bound is a sanity check on what a browser reports, not a storage limit. */
const MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024;

const idField = z.coerce.number({ error: 'validation.number' }).int('validation.number').min(1, 'validation.number').max(MAX_INT, 'validation.number');
const versionField = z.coerce.number({ error: 'validation.number' }).int('validation.number').min(1, 'validation.number').max(MAX_INT, 'validation.number');
const dateField = z.string('validation.date').trim().refine(isDateString, 'validation.date');
const textField = z.string('validation.supervisionText').trim().min(2, 'validation.supervisionText').max(MAX_SUPERVISION_TEXT, 'validation.supervisionTextTooLong').refine(isStorableText, STORABLE_TEXT_MESSAGE);
const reasonField = z.string('validation.reasonRequired').trim().min(2, 'validation.reasonRequired').max(500, 'validation.reasonTooLong').refine(isStorableText, STORABLE_TEXT_MESSAGE);

/** One value arrives as a string, several as an array; an empty select sends "". */
const idList = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]),
  z.array(idField).max(50, 'validation.tooManyEntries'),
);

const targetRe = new RegExp(`^(${supervisionTargetKinds.join('|')}):(\\d{1,10})$`);

/** "task:12" from a select, or {targetKind, targetId}. */
const targetField = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    const m = targetRe.exec(v.trim());
    return m ? { targetKind: m[1], targetId: m[2] } : v;
  },
  z.object({ targetKind: z.enum(supervisionTargetKinds, 'validation.supervisionTarget'), targetId: idField }, 'validation.supervisionTarget').strict(),
);

const cadenceField = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? null : v),
  z.coerce.number({ error: 'validation.supervisionCadence' }).int('validation.supervisionCadence').min(1, 'validation.supervisionCadence').max(90, 'validation.supervisionCadence').nullable(),
);

export const raiseSupervisionSchema = z
  .object({
    target: targetField,
    text: textField,
    leadUnitId: idField,
    cooperatingUnitIds: idList.default([]),
    dueDate: dateField,
    cadenceDays: cadenceField.default(null),
  })
  .strict()
  .refine((v) => !v.cooperatingUnitIds.includes(v.leadUnitId), { message: 'validation.supervisionLeadTwice', path: ['cooperatingUnitIds'] });
export type RaiseSupervisionInput = z.input<typeof raiseSupervisionSchema>;

const attachmentSchema = z
  .object({
    name: z.string().trim().min(1, 'validation.attachment').max(200, 'validation.attachment').refine(isStorableText, STORABLE_TEXT_MESSAGE),
    size: z.coerce.number().int().min(0).max(MAX_ATTACHMENT_BYTES, 'validation.attachment'),
    type: z.string().max(100, 'validation.attachment').refine(isStorableText, STORABLE_TEXT_MESSAGE).default(''),
  })
  .strict();

export const answerSupervisionSchema = z
  .object({
    itemId: idField,
    version: versionField,
    text: textField,
    selfStatus: z.enum(['on_track', 'behind', 'done'], 'validation.progress'),
    attachments: z.array(attachmentSchema).max(MAX_ATTACHMENTS, 'validation.tooManyEntries').default([]),
  })
  .strict();
export type AnswerSupervisionInput = z.input<typeof answerSupervisionSchema>;

export const closeSupervisionSchema = z
  .object({ itemId: idField, version: versionField, comment: z.string().trim().max(500, 'validation.commentTooLong').optional() })
  .strict();
export type CloseSupervisionInput = z.input<typeof closeSupervisionSchema>;

export const returnSupervisionSchema = z.object({ itemId: idField, version: versionField, reason: reasonField }).strict();
export type ReturnSupervisionInput = z.input<typeof returnSupervisionSchema>;

export const extendSupervisionSchema = z.object({ itemId: idField, version: versionField, dueDate: dateField, reason: reasonField }).strict();
export type ExtendSupervisionInput = z.input<typeof extendSupervisionSchema>;
