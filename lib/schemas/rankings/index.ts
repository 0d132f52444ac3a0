// Pure: input schemas of the horse race's two bureau forms: the 任务分解 grid (each town's and park's share of a
// district milestone) and a new scoring-rule version. `.strict()`: no id, version or author field can ride along
// except the concurrency tokens named here. Messages are keys of the `validation` namespace.
import { z } from 'zod';
import { monthField } from '@/lib/schemas/reporting';

/** An amount typed into a grid cell: empty means "leave as it is"; up to 4 decimals, not negative. */
const cellAmount = z
  .string()
  .trim()
  .max(24, 'validation.tooLarge')
  .refine((s) => s === '' || /^\d+(\.\d{1,4})?$/.test(s), 'validation.shareAmount')
  .refine((s) => s === '' || Number(s) <= 1e12, 'validation.tooLarge')
  .transform((s) => (s === '' ? null : Number(s)));

/** The cell key: `<unitId>_<year>` (the form names its inputs `cells.<unitId>_<year>.value|seen`). */
export const CELL_KEY = /^[1-9]\d{0,8}_(20\d\d)$/;

export const shareGridSchema = z
  .object({
    indicatorCode: z.string().trim().min(1, 'validation.required').max(64, 'validation.required'),
    effectiveFrom: monthField,
    note: z.string().trim().max(500, 'validation.reasonTooLong').optional(),
    cells: z
      .record(
        z.string().regex(CELL_KEY, 'validation.shareCell'),
        z.object({ value: cellAmount, seen: z.string().max(2000, 'validation.stale').default('') }).strict(),
      )
      .refine((cells) => Object.keys(cells).length <= 400, 'validation.tooManyEntries'),
  })
  .strict();
export type ShareGridInput = z.infer<typeof shareGridSchema>;

const weight = z.coerce.number({ error: 'validation.number' }).min(0, 'validation.nonNegative').max(100, 'validation.tooLarge');

/** A new scoring rule version: the weights per indicator, discipline and task progress, in force from a month. */
export const rankingRuleFormSchema = z
  .object({
    effectiveFrom: monthField,
    /** The rule number the bureau saw as the latest: a rule published meanwhile makes this one conflict. */
    basedOn: z.coerce.number({ error: 'validation.number' }).int('validation.number').min(0, 'validation.number').max(1e6, 'validation.number'),
    note: z.string().trim().max(500, 'validation.reasonTooLong').optional(),
    indicators: z.record(z.string().regex(/^[a-z0-9_]{1,64}$/, 'validation.ruleIndicator'), z.object({ level: weight, improvement: weight }).strict()),
    improvementFullAt: z.coerce.number({ error: 'validation.number' }).gt(0, 'validation.number').max(1000, 'validation.tooLarge'),
    disciplineWeight: weight,
    latePart: z.coerce.number({ error: 'validation.number' }).min(0, 'validation.percentRange').max(100, 'validation.percentRange'),
    returnPenalty: weight,
    taskProgress: weight,
  })
  .strict();
export type RankingRuleFormInput = z.infer<typeof rankingRuleFormSchema>;
