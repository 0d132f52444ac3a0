// Pure: input schemas of the enterprise registry (a firm, a qualification), shared by forms, actions and the import.
// `.strict()`: no version, demo flag or id rides along uninvited. Messages are keys of the `validation` namespace.
import { z } from 'zod';
import { validateCreditCode } from '@/lib/registry/credit-code';
import { isDay } from '@/lib/registry/dates';
import { qualificationKinds } from '@/lib/registry/validity';
import { isStorableText, STORABLE_TEXT_MESSAGE } from '@/lib/schemas/text';

const MAX_INT = 2_147_483_647;
const idField = z.coerce.number({ error: 'validation.number' }).int('validation.number').min(1, 'validation.number').max(MAX_INT, 'validation.number');
const versionField = z.coerce.number({ error: 'validation.number' }).int('validation.number').min(0, 'validation.number').max(MAX_INT, 'validation.number');
const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);

const creditCodeKeys = {
  empty: 'validation.creditCodeEmpty',
  length: 'validation.creditCodeLength',
  character: 'validation.creditCodeCharacter',
  authority: 'validation.creditCodeAuthority',
  type: 'validation.creditCodeType',
  division: 'validation.creditCodeDivision',
  check: 'validation.creditCodeCheck',
} as const;

/** A 统一社会信用代码, normalised (trimmed, upper case, full-width folded) and checked by GB 32100-2015. */
export const creditCodeField = z.string('validation.creditCodeEmpty').transform((raw, ctx) => {
  const result = validateCreditCode(raw);
  if (result.ok) return result.code;
  ctx.addIssue({ code: 'custom', message: creditCodeKeys[result.kind] });
  return z.NEVER;
});

export const dayField = z.string('validation.day').trim().refine(isDay, 'validation.day');
const optionalDay = z.preprocess(blankToNull, dayField.nullable());
const optionalUnit = z.preprocess(blankToNull, idField.nullable());

export const enterpriseFieldsSchema = z.object({
  creditCode: creditCodeField,
  name: z.string('validation.enterpriseName').trim().min(1, 'validation.enterpriseName').max(100, 'validation.enterpriseName').refine(isStorableText, STORABLE_TEXT_MESSAGE),
  townUnitId: optionalUnit,
  parkUnitId: optionalUnit,
  clusterTask: z.preprocess(blankToNull, z.coerce.number({ error: 'validation.clusterTask' }).int('validation.clusterTask').min(7, 'validation.clusterTask').max(11, 'validation.clusterTask').nullable()),
  aboveScale: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()),
  foundedOn: optionalDay,
});

export const createEnterpriseSchema = enterpriseFieldsSchema.strict();
export type CreateEnterpriseInput = z.infer<typeof createEnterpriseSchema>;

export const updateEnterpriseSchema = enterpriseFieldsSchema.omit({ creditCode: true }).extend({ enterpriseId: idField, version: versionField }).strict();
export type UpdateEnterpriseInput = z.infer<typeof updateEnterpriseSchema>;

const yearField = z.coerce.number({ error: 'validation.year' }).int('validation.year').min(2000, 'validation.year').max(2100, 'validation.year');

export const recordQualificationSchema = z
  .object({
    enterpriseId: idField,
    kind: z.enum(qualificationKinds as [string, ...string[]], 'validation.qualificationKind').transform((k) => k as (typeof qualificationKinds)[number]),
    year: yearField,
    level: z.preprocess(blankToNull, z.enum(['district', 'municipal', 'national'], 'validation.required').nullable()),
    certificateNo: z.preprocess(blankToNull, z.string().trim().max(40, 'validation.required').refine(isStorableText, STORABLE_TEXT_MESSAGE).nullable()),
    /** Issue date (high-tech), registration day (tech SME) or the day the firm entered the list. */
    validFrom: dayField,
  })
  .strict();
export type RecordQualificationInput = z.infer<typeof recordQualificationSchema>;

export const endQualificationSchema = z
  .object({ qualificationId: idField, version: versionField, endedOn: dayField, reason: z.string('validation.reasonRequired').trim().min(2, 'validation.reasonRequired').max(500, 'validation.reasonTooLong').refine(isStorableText, STORABLE_TEXT_MESSAGE) })
  .strict();
export type EndQualificationInput = z.infer<typeof endQualificationSchema>;
