// Server only. 任务分解: the bureau sets a town's or park's share of a district milestone, effective from a month.
// A share at a new effective month is a new row (history kept); the same effective month again replaces it.
// Shares that do not add up to the district target are accepted: the pages show the gap.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { getDb } from '@/lib/db/client';
import { DomainError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import type { TargetShareInput } from '@/lib/schemas/bulletin';

export async function setTargetShare(actor: Actor, input: TargetShareInput, options: { isDemo?: boolean } = {}): Promise<{ id: number; version: number }> {
  return (await setTargetShares(actor, [input], options))[0];
}

/** Several shares in one transaction (a whole breakdown table at once), one audit row each. */
export async function setTargetShares(actor: Actor, inputs: TargetShareInput[], options: { isDemo?: boolean } = {}): Promise<{ id: number; version: number }[]> {
  if (!can(actor, 'target.decompose')) throw new ForbiddenError();
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const indicators = await tx.indicator.findMany({
      where: { code: { in: [...new Set(inputs.map((i) => i.indicatorCode))] } },
      include: { breakdowns: { include: { group: { include: { members: true } } } }, milestones: true },
    });
    const out: { id: number; version: number }[] = [];
    for (const input of inputs) {
      const indicator = indicators.find((i) => i.code === input.indicatorCode);
      if (!indicator) throw new NotFoundError('指标不存在', 'No such indicator');
      if (!indicator.breakdowns.some((b) => b.group.members.some((m) => m.unitId === input.unitId))) {
        throw new DomainError('该单位不在此指标的分解范围内', 'This unit is not in the breakdown of this indicator', { unitId: { zh: ['该单位不在此指标的分解范围内'], en: ['Not in this breakdown'] } });
      }
      if (!indicator.milestones.some((m) => m.year === input.year)) {
        throw new DomainError('该年度没有区级目标', 'The district has no target for this year', { year: { zh: ['该年度没有区级目标'], en: ['No district target this year'] } });
      }
      const key = { indicatorId: indicator.id, unitId: input.unitId, year: input.year, effectiveFrom: input.effectiveFrom };
      const before = await tx.targetShare.findUnique({ where: { indicatorId_unitId_year_effectiveFrom: key } });
      const row = before
        ? await tx.targetShare.update({ where: { id: before.id }, data: { value: input.value, note: input.note, version: { increment: 1 }, updatedById: actor.userId } })
        : await tx.targetShare.create({ data: { ...key, value: input.value, note: input.note, updatedById: actor.userId, isDemo: options.isDemo ?? false } });
      await recordAudit(tx, actor, {
        event: 'target.share.set',
        targetType: 'targetShare',
        targetId: row.id,
        before: before ? { value: Number(before.value), effectiveFrom: before.effectiveFrom } : null,
        after: { indicator: input.indicatorCode, unitId: input.unitId, year: input.year, value: input.value, effectiveFrom: input.effectiveFrom },
      });
      out.push({ id: row.id, version: row.version });
    }
    return out;
    // A whole breakdown table (the demo writes ~100 shares) is one transaction: more than the default 5 s on a busy machine.
  }, { timeout: 120_000, maxWait: 30_000 });
}
