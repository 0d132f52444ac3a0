// Server only. The demo's bulletins, shares and scoring rules, made by the same domain functions the bureau uses:
// shares of the district milestones for every town and park (in proportion to their demo figures, so that the sums
// miss the target by rounding, as real ones do), rule No. 1 and a rule No. 2 from 2026-07 (a rule change between
// months), and a published bulletin for each closed month of 2026. All flagged isDemo: demo:remove deletes them.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { createBulletinDraft, editBulletinText, publishBulletin } from '@/lib/mutations/bulletin/draft';
import { setTargetShares } from '@/lib/mutations/bulletin/shares';
import type { TargetShareInput } from '@/lib/schemas/bulletin';
import { publishRankingRule } from '@/lib/mutations/rankings/rule';
import { addMonths, monthRange, parseMonth, type Month } from '@/lib/periods';
import { DEFAULT_RULE } from '@/lib/rankings/rule';

export const DEMO_BULLETIN_YEAR = 2026;

/** 10:00 CST on the 10th of the month after `month`: when the demo's bulletin of that month was published. */
export function demoPublishedAt(month: Month): Date {
  const next = parseMonth(addMonths(month, 1));
  return new Date(Date.UTC(next.year, next.month - 1, 10, 2, 0, 0));
}

export async function removeDemoBulletinData(tx: { bulletin: { deleteMany: (a: { where: { isDemo: true } }) => Promise<unknown> }; targetShare: { deleteMany: (a: { where: { isDemo: true } }) => Promise<unknown> }; rankingRule: { deleteMany: (a: { where: { isDemo: true } }) => Promise<unknown> } }): Promise<void> {
  await tx.bulletin.deleteMany({ where: { isDemo: true } });
  await tx.targetShare.deleteMany({ where: { isDemo: true } });
  await tx.rankingRule.deleteMany({ where: { isDemo: true } });
}

async function seedShares(actor: Actor, planId: string, basisMonth: Month): Promise<void> {
  const db = await getDb();
  const indicators = await db.indicator.findMany({
    where: { planId, breakdowns: { some: {} } },
    include: { milestones: true, breakdowns: { include: { group: { include: { members: true } } } } },
  });
  const shares: TargetShareInput[] = [];
  for (const ind of indicators) {
    for (const b of ind.breakdowns) {
      const unitIds = b.group.members.map((m) => m.unitId);
      const values = await db.indicatorValue.findMany({ where: { indicatorId: ind.id, unitId: { in: unitIds }, month: basisMonth, status: 'approved' }, select: { unitId: true, value: true } });
      const total = values.reduce((s, v) => s + Number(v.value), 0);
      if (total <= 0) continue;
      for (const m of ind.milestones.filter((x) => x.year >= 2025)) {
        for (const v of values) {
          // A group's members share the part of the target their figures make of the group's (parks and towns each).
          const share = Math.round((Number(m.value) * Number(v.value)) / total);
          shares.push({ indicatorCode: ind.code, unitId: v.unitId, year: m.year, value: share, effectiveFrom: '2025-01' });
        }
      }
    }
  }
  await setTargetShares(actor, shares, { isDemo: true });
}

/** Run after the demo figures are in: `through` is the last demo month (its figures still await review). */
export async function seedDemoBulletins(actor: Actor, planId: string, through: Month, now: Date): Promise<{ bulletins: number }> {
  const db = await getDb();
  await db.$transaction(async (tx) => removeDemoBulletinData(tx));
  if ((await db.rankingRule.count({ where: { planId } })) === 0) {
    await publishRankingRule(actor, planId, DEFAULT_RULE, { isDemo: true });
    await publishRankingRule(actor, planId, { ...DEFAULT_RULE, ruleNo: 2, effectiveFrom: '2026-07', indicators: DEFAULT_RULE.indicators.map((i) => ({ ...i, level: i.level - 5, improvement: i.improvement + 5 })) }, { isDemo: true });
  }
  const lastApproved = addMonths(through, -1);
  await seedShares(actor, planId, lastApproved);
  let bulletins = 0;
  for (const month of monthRange(`${DEMO_BULLETIN_YEAR}-01`, lastApproved)) {
    const at = demoPublishedAt(month);
    if (at > now) break;
    await createBulletinDraft(actor, { month }, at, { isDemo: true });
    const { version } = await editBulletinText(actor, {
      month,
      foreword: `现将${parseMonth(month).year}年${parseMonth(month).month}月全区“双倍增”工作推进情况通报如下。`,
      remarks: '请各镇街、园区和有关部门对照分解任务查找差距，滞后任务的牵头单位于下月填报时说明整改措施。',
      version: 1,
    });
    await publishBulletin(actor, { month, version }, at);
    bulletins += 1;
  }
  return { bulletins };
}
