// Pure: input schemas of the bulletin and the target shares it measures units against. `.strict()`: no status,
// content or snapshot field can ride along. Messages are keys of the `validation` namespace.
import { z } from 'zod';
import { monthField } from '@/lib/schemas/reporting';
import { isStorableText, STORABLE_TEXT_MESSAGE } from '@/lib/schemas/text';

const MAX_INT = 2_147_483_647;
const versionField = z.coerce.number({ error: 'validation.number' }).int('validation.number').min(0, 'validation.number').max(MAX_INT, 'validation.number');
/** A 通报's foreword or remarks: a few paragraphs at most. */
export const MAX_BULLETIN_TEXT = 3_000;
const textField = z.string().max(MAX_BULLETIN_TEXT, 'validation.bulletinTextTooLong').refine(isStorableText, STORABLE_TEXT_MESSAGE).transform((s) => s.replace(/\r\n/g, '\n').trim());

/** A bulletin's month: a real month of this century (the fuzz test found 0000-01 and 9999-12 failing deeper down). */
const bulletinMonth = monthField.refine((m) => m >= '2000-01' && m <= '2099-12', 'validation.month');

export const bulletinMonthSchema = z.object({ month: bulletinMonth }).strict();
export type BulletinMonthInput = z.infer<typeof bulletinMonthSchema>;

export const bulletinTextSchema = z.object({ month: bulletinMonth, foreword: textField.default(''), remarks: textField.default(''), version: versionField }).strict();
export type BulletinTextInput = z.infer<typeof bulletinTextSchema>;

export const publishBulletinSchema = z.object({ month: bulletinMonth, version: versionField }).strict();
export type PublishBulletinInput = z.infer<typeof publishBulletinSchema>;

export const targetShareSchema = z
  .object({
    indicatorCode: z.string().min(1, 'validation.required').max(64, 'validation.required'),
    unitId: z.coerce.number({ error: 'validation.number' }).int('validation.number').min(1, 'validation.number').max(MAX_INT, 'validation.number'),
    year: z.coerce.number({ error: 'validation.number' }).int('validation.number').min(2000, 'validation.number').max(2100, 'validation.number'),
    value: z.coerce.number({ error: 'validation.number' }).min(0, 'validation.number').max(1e12, 'validation.number'),
    effectiveFrom: monthField,
    note: z.string().max(500, 'validation.bulletinTextTooLong').refine(isStorableText, STORABLE_TEXT_MESSAGE).optional(),
  })
  .strict();
export type TargetShareInput = z.infer<typeof targetShareSchema>;
