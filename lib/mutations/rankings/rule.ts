// Server only. Publishes a numbered scoring rule, in force from a month: earlier months keep the rule they had.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { getDb } from '@/lib/db/client';
import { ForbiddenError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { can } from '@/lib/permissions';
import { scoringRuleSchema, type ScoringRule } from '@/lib/rankings/rule';

export async function publishRankingRule(actor: Actor, planId: string, rule: ScoringRule, options: { isDemo?: boolean } = {}): Promise<{ ruleNo: number }> {
  if (!can(actor, 'ranking.manageRule')) throw new ForbiddenError();
  const parsed = scoringRuleSchema.parse(rule);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const { ruleNo, effectiveFrom, ...weights } = parsed;
    await tx.rankingRule.create({ data: { planId, ruleNo, effectiveFrom, rule: weights as Prisma.InputJsonValue, isDemo: options.isDemo ?? false, createdById: actor.userId } });
    await recordAudit(tx, actor, { event: 'ranking.rule.published', targetType: 'rankingRule', targetId: ruleNo, after: parsed });
    return { ruleNo };
  });
}
