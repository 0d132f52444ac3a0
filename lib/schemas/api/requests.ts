// Pure: what /api/v1 accepts, query strings and bodies. The route handlers validate with these and the OpenAPI
// document is generated from them (lib/api/openapi.ts), so the document cannot drift from the checks. `.strict()`:
// an unknown parameter or field is refused, never ignored.
import { z } from 'zod';
import { listKinds } from '@/lib/registry/import-columns';
import { qualificationKinds } from '@/lib/registry/validity';

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
export const monthParam = z.string().regex(MONTH_RE, 'validation.month').describe('YYYY-MM');
const idParam = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'validation.number')
  .transform(Number)
  .pipe(z.number().max(2_147_483_647, 'validation.number'));
const codeParam = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'api.indicatorCode');
const limitParam = z
  .string()
  .regex(/^[1-9]\d{0,3}$/, 'api.limit')
  .transform(Number)
  .pipe(z.number().max(500, 'api.limit'))
  .optional();
const cursorParam = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'api.cursor').optional();
const ordered = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;

export const planQuerySchema = z.object({}).strict();
export const bulletinListQuerySchema = z.object({}).strict();

export const valuesQuerySchema = z
  .object({
    indicator: codeParam.optional().describe('indicator code, e.g. high_tech_enterprises'),
    unit: idParam.optional().describe('subject unit id'),
    from: monthParam.optional(),
    to: monthParam.optional(),
    cursor: cursorParam.describe('nextCursor of the previous page'),
    limit: limitParam.describe('1–500, default 100'),
  })
  .strict()
  .refine(ordered, { message: 'api.monthOrder', path: ['to'] });
export type ValuesQuery = z.output<typeof valuesQuerySchema>;

export const taskProgressQuerySchema = z.object({ month: monthParam.optional().describe('as of this month; default the current month') }).strict();

export const bulletinMonthSchema = z.object({ month: monthParam }).strict();

export const registryCountsQuerySchema = z
  .object({
    kind: z.enum(qualificationKinds as [string, ...string[]], 'validation.qualificationKind').optional().describe('default high_tech'),
    from: monthParam.optional(),
    to: monthParam.optional().describe('default the current month'),
  })
  .strict()
  .refine(ordered, { message: 'api.monthOrder', path: ['to'] });

export const enterprisesQuerySchema = z
  .object({
    town: idParam.optional(),
    park: idParam.optional(),
    holds: z.enum(qualificationKinds as [string, ...string[]], 'validation.qualificationKind').optional(),
    page: z.string().regex(/^[1-9]\d{0,4}$/, 'validation.number').transform(Number).optional(),
  })
  .strict();

// ── Pushes ───────────────────────────────────────────────────────────────────────────────────────────────────────
export const MAX_PUSH_VALUES = 500;
export const MAX_PUSH_ROWS = 5000;

export const pushValueSchema = z
  .object({
    indicator: codeParam.describe('indicator code'),
    subjectUnitId: z.number('validation.number').int('validation.number').min(1, 'validation.number').max(2_147_483_647, 'validation.number').optional().describe('the unit the figure is about; default the reporting unit'),
    period: monthParam.optional().describe('the period the figure is for; default the month pushed'),
    stage: z.enum(['final', 'provisional'], 'api.stage').optional(),
    value: z.union([z.number('validation.number'), z.string('validation.number').max(40, 'validation.number')]).describe('the figure; a string is read as the form reads it'),
    comment: z.string('validation.commentTooLong').max(500, 'validation.commentTooLong').optional().describe('explains a soft-check warning (a jump, a fall)'),
  })
  .strict();

export const pushValuesSchema = z
  .object({
    unitId: z.number('validation.number').int('validation.number').min(1, 'validation.number').max(2_147_483_647, 'validation.number').describe('the reporting unit'),
    month: monthParam.describe('the reporting month'),
    values: z.array(pushValueSchema, 'api.values').min(1, 'api.values').max(MAX_PUSH_VALUES, 'api.values'),
  })
  .strict();
export type PushValuesInput = z.output<typeof pushValuesSchema>;

const cell = z.union([z.string().max(200, 'api.cell'), z.number(), z.boolean(), z.null()], 'api.cell');
export const registryFieldNames = [
  'creditCode', 'name', 'town', 'park', 'clusterTask', 'aboveScale', 'foundedOn', 'year', 'validFrom', 'certificateNo', 'level',
  'financialYear', 'revenue', 'rdSpending', 'highTechRevenue', 'staff', 'rdStaff', 'grantedIp',
] as const;

export const registryRowSchema = z
  .object(Object.fromEntries(registryFieldNames.map((f) => [f, cell.optional()])) as Record<(typeof registryFieldNames)[number], z.ZodOptional<typeof cell>>)
  .strict();

export const registryPushSchema = z
  .object({
    list: z.enum(listKinds as [string, ...string[]], 'api.registryList').describe('enterprises, or a qualification list'),
    mode: z.enum(['dryRun', 'commit'], 'api.mode').describe('dryRun plans and writes nothing; commit writes every row or none'),
    rows: z.array(registryRowSchema, 'api.rows').min(1, 'api.rows').max(MAX_PUSH_ROWS, 'api.rows'),
  })
  .strict();
export type RegistryPushInput = z.output<typeof registryPushSchema>;
