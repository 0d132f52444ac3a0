// Server only. Every function takes the viewer first. The scoring rules as the bureau's rule page shows them: every
// version with its effective month and note, newest first, and the indicators a new version can weigh.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { ForbiddenError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { DEFAULT_RULE, scoringRuleSchema, type ScoringRule } from '@/lib/rankings/rule';

export interface RuleVersionDto {
  rule: ScoringRule;
  note: string | null;
  createdAt: Date | null;
}

export interface RuleBookDto {
  /** Newest first; the built-in rule No. 1 when none was ever published. */
  versions: RuleVersionDto[];
  /** The number a new version is based on (0 when none is stored). */
  latestNo: number;
  indicators: { code: string; name: string; nameEn: string }[];
}

export async function getRuleBook(viewer: Actor, planId: string): Promise<RuleBookDto> {
  if (!can(viewer, 'ranking.view')) throw new ForbiddenError();
  const db = await getDb();
  const [rows, indicators] = await Promise.all([
    db.rankingRule.findMany({ where: { planId }, orderBy: { ruleNo: 'desc' } }),
    db.indicator.findMany({ where: { planId, breakdowns: { some: {} } }, orderBy: { position: 'asc' }, select: { code: true, name: true, nameEn: true } }),
  ]);
  const versions = rows.flatMap((r) => {
    const parsed = scoringRuleSchema.safeParse({ ...(r.rule as object), ruleNo: r.ruleNo, effectiveFrom: r.effectiveFrom });
    return parsed.success ? [{ rule: parsed.data, note: r.note, createdAt: r.createdAt }] : [];
  });
  return { versions: versions.length ? versions : [{ rule: DEFAULT_RULE, note: null, createdAt: null }], latestNo: rows[0]?.ruleNo ?? 0, indicators };
}
