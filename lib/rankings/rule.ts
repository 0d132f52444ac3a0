// Pure: the horse race's scoring rule as data. Stored per plan in RankingRule (numbered, with an effective month);
// the month being scored picks the latest rule not after it, so a rule change never rescores earlier months.
import { z } from 'zod';
import type { Month } from '@/lib/periods';

export const scoringRuleSchema = z
  .object({
    ruleNo: z.number().int().positive(),
    effectiveFrom: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    /** Per indicator with a breakdown: points for completing the unit's own share, and for growth on a year ago. */
    indicators: z.array(z.object({ code: z.string().min(1), level: z.number().min(0), improvement: z.number().min(0) }).strict()).min(1),
    /** Year-on-year growth that earns the full improvement points (0.2 = 20 %); less earns a proportional part. */
    improvementFullAt: z.number().positive(),
    /** Reporting discipline, for every league: full points on time, `latePart` of them when late, none when missing. */
    discipline: z.object({ weight: z.number().min(0), latePart: z.number().min(0).max(1), returnPenalty: z.number().min(0) }).strict(),
    /** District departments are scored on discipline and on the progress of the tasks they lead, nothing else. */
    taskProgress: z.number().min(0),
  })
  .strict();

export type ScoringRule = z.infer<typeof scoringRuleSchema>;

/** The rule the platform starts with (rule No. 1), printed under every table it scores. */
export const DEFAULT_RULE: ScoringRule = {
  ruleNo: 1,
  effectiveFrom: '2023-01',
  indicators: [
    { code: 'high_tech_enterprises', level: 30, improvement: 10 },
    { code: 'tech_smes', level: 30, improvement: 10 },
    { code: 'above_scale_high_tech', level: 10, improvement: 0 },
  ],
  improvementFullAt: 0.2,
  discipline: { weight: 10, latePart: 0.5, returnPenalty: 2 },
  taskProgress: 20,
};

/** The rule in force for a month: the latest whose effectiveFrom is not after it (the default when none is). */
export function ruleForMonth(rules: readonly ScoringRule[], month: Month): ScoringRule {
  const inForce = rules.filter((r) => r.effectiveFrom <= month).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return inForce[0] ?? DEFAULT_RULE;
}

/** The most points a unit of an area league can get under a rule (indicators the league reports + discipline). */
export function maxAreaPoints(rule: ScoringRule, codes: readonly string[]): number {
  return rule.indicators.filter((i) => codes.includes(i.code)).reduce((s, i) => s + i.level + i.improvement, 0) + rule.discipline.weight;
}
