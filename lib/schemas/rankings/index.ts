// Pure: input schemas of the horse race's two bureau forms: the 任务分解 grid (each town's and park's share of a
// district milestone) and a new scoring-rule version. `.strict()`: no id, version or author field can ride along
// except the concurrency tokens named here. Messages are keys of the `validation` namespace.
import { z } from 'zod';
import { monthField } from '@/lib/schemas/reporting';
import { isStorableText, STORABLE_TEXT_MESSAGE } from '@/lib/schemas/text';

/**
 * An amount typed into a grid cell: empty means "leave as it is"; up to 4 decimals, not negative. A number (already
 * parsed, when the domain function validates the action's output again) reads as its text, so parsing is idempotent.
 */
const cellAmount = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v === null ? '' : v),
  z
    .string()
    .trim()
    .max(24, 'validation.tooLarge')
    .refine((s) => s === '' || /^\d+(\.\d{1,4})?$/.test(s), 'validation.shareAmount')
    .refine((s) => !/^\d+(\.\d+)?$/.test(s) || Number(s) <= 1e12, 'validation.tooLarge')
    .transform((s) => (s === '' ? null : Number(s))),
);

/** The cell key: `<unitId>_<year>` (the form names its inputs `cells.<unitId>_<year>.value|seen`). */
export const CELL_KEY = /^[1-9]\d{0,8}_(20\d\d)$/;

/** A record's keys checked one by one, each bad key named at its own path (Zod's own key error has no message key). */
function keysMatch(record: Record<string, unknown>, pattern: RegExp, message: string, ctx: z.RefinementCtx): void {
  for (const key of Object.keys(record)) if (!pattern.test(key)) ctx.addIssue({ code: 'custom', path: [key], message });
}

export const shareGridSchema = z
  .object({
    indicatorCode: z.string().trim().min(1, 'validation.required').max(64, 'validation.required').refine(isStorableText, STORABLE_TEXT_MESSAGE),
    effectiveFrom: monthField,
    note: z.string().trim().max(500, 'validation.reasonTooLong').refine(isStorableText, STORABLE_TEXT_MESSAGE).optional(),
    cells: z
      .record(z.string(), z.object({ value: cellAmount, seen: z.string().max(2000, 'validation.stale').default('') }).strict())
      .superRefine((cells, ctx) => keysMatch(cells, CELL_KEY, 'validation.shareCell', ctx))
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
    note: z.string().trim().max(500, 'validation.reasonTooLong').refine(isStorableText, STORABLE_TEXT_MESSAGE).optional(),
    indicators: z
      .record(z.string(), z.object({ level: weight, improvement: weight }).strict())
      .superRefine((indicators, ctx) => keysMatch(indicators, /^[a-z0-9_]{1,64}$/, 'validation.ruleIndicator', ctx)),
    improvementFullAt: z.coerce.number({ error: 'validation.number' }).gt(0, 'validation.number').max(1000, 'validation.tooLarge'),
    disciplineWeight: weight,
    latePart: z.coerce.number({ error: 'validation.number' }).min(0, 'validation.percentRange').max(100, 'validation.percentRange'),
    returnPenalty: weight,
    taskProgress: weight,
  })
  .strict();
export type RankingRuleFormInput = z.infer<typeof rankingRuleFormSchema>;
