// Server only. Publishes a numbered scoring rule, in force from a month: earlier months keep the rule they had.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { getDb } from '@/lib/db/client';
import { ConflictError, DomainError, ForbiddenError, prismaErrorCode } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { can } from '@/lib/permissions';
import { DEFAULT_RULE, scoringRuleSchema, type ScoringRule } from '@/lib/rankings/rule';
import { rankingRuleFormSchema, type RankingRuleFormInput } from '@/lib/schemas/rankings';

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

/**
 * The bureau's form: a new rule version numbered after the latest, in force from a month after the latest rule's.
 * `basedOn` is the rule number the bureau was looking at: a rule published meanwhile conflicts instead of being
 * silently superseded. Only indicators with a breakdown (the ones a town or park has a share of) can carry weights.
 */
export async function publishRuleVersion(actor: Actor, planId: string, input: RankingRuleFormInput): Promise<{ ruleNo: number }> {
  if (!can(actor, 'ranking.manageRule')) throw new ForbiddenError();
  const data = rankingRuleFormSchema.parse(input);
  const db = await getDb();
  return db
    .$transaction(async (tx) => {
      const [latest, scored] = await Promise.all([
        tx.rankingRule.findFirst({ where: { planId }, orderBy: { ruleNo: 'desc' }, select: { ruleNo: true, effectiveFrom: true } }),
        tx.indicator.findMany({ where: { planId, breakdowns: { some: {} } }, orderBy: { position: 'asc' }, select: { code: true } }),
      ]);
      const latestNo = latest?.ruleNo ?? 0;
      if (data.basedOn !== latestNo) throw new ConflictError(`评分规则已有新版本（第${latestNo}号），请刷新后重新填写`, `Rule No. ${latestNo} was published meanwhile; reload and try again`);
      const floor = latest?.effectiveFrom ?? DEFAULT_RULE.effectiveFrom;
      if (data.effectiveFrom <= floor) {
        throw new DomainError('新规则的施行月份须晚于现行规则', 'A new rule must take effect after the current one', {
          effectiveFrom: { zh: [`须晚于 ${floor}（现行规则的施行月份）`], en: [`Must be after ${floor} (when the current rule took effect)`] },
        });
      }
      const codes = new Set(scored.map((i) => i.code));
      const unknown = Object.keys(data.indicators).filter((c) => !codes.has(c));
      if (unknown.length) throw new DomainError('评分规则中有未分解的指标', 'The rule names an indicator without a breakdown', Object.fromEntries(unknown.map((c) => [`indicators.${c}.level`, { zh: ['该指标没有分解，不能计分'], en: ['No breakdown: cannot be scored'] }])));
      // A rule scores at least one indicator (scoringRuleSchema's .min(1)): a form with every indicator left out is
      // refused here with a message, not by that schema's parse as an unexpected error.
      if (!scored.some((i) => data.indicators[i.code])) {
        throw new DomainError('评分规则须至少为一项指标设置权重', 'The rule must weigh at least one indicator', { indicators: { zh: ['请至少为一项指标设置权重'], en: ['Weigh at least one indicator'] } });
      }
      const rule: ScoringRule = scoringRuleSchema.parse({
        ruleNo: latestNo + 1,
        effectiveFrom: data.effectiveFrom,
        indicators: scored.filter((i) => data.indicators[i.code]).map((i) => ({ code: i.code, ...data.indicators[i.code] })),
        improvementFullAt: data.improvementFullAt / 100,
        discipline: { weight: data.disciplineWeight, latePart: data.latePart / 100, returnPenalty: data.returnPenalty },
        taskProgress: data.taskProgress,
      });
      const { ruleNo, effectiveFrom, ...weights } = rule;
      await tx.rankingRule.create({ data: { planId, ruleNo, effectiveFrom, rule: weights as Prisma.InputJsonValue, note: data.note || null, createdById: actor.userId } });
      await recordAudit(tx, actor, { event: 'ranking.rule.published', targetType: 'rankingRule', targetId: ruleNo, before: latest ? { ruleNo: latest.ruleNo, effectiveFrom: latest.effectiveFrom } : null, after: rule });
      return { ruleNo };
    })
    .catch((error: unknown) => {
      // Two bureaus publishing at once: the unique (plan, rule number) key lets one win.
      if (prismaErrorCode(error) === 'P2002') throw new ConflictError();
      throw error;
    });
}
