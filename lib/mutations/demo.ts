// Server only. Every function takes the acting user first. Demo data is flagged (isDemo) so that it can be told
// apart from real figures and removed with one command.
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { getDb } from '@/lib/db/client';
import { generateDemoValues } from '@/lib/demo/demo-values';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { canManageDemoData } from '@/lib/permissions';
import type { Month } from '@/lib/periods';
import type { PlanFile } from '@/lib/plan/plan-file-schema';

export const DEMO_SETTING_KEY = 'demo';

export interface DemoState {
  seededThrough?: Month;
  removedAt?: string;
}

export async function getDemoState(): Promise<DemoState | null> {
  const db = await getDb();
  const row = await db.appSetting.findUnique({ where: { key: DEMO_SETTING_KEY } });
  return (row?.value as DemoState | undefined) ?? null;
}

/** Replaces all demo figures of the plan with a fresh series ending at `through`. */
export async function seedDemoData(actor: Actor, plan: PlanFile, through: Month): Promise<{ values: number }> {
  if (!canManageDemoData(actor)) throw new ForbiddenError();
  const db = await getDb();
  const [units, indicators] = await Promise.all([
    db.unit.findMany({ where: { planId: plan.id }, select: { id: true, name: true } }),
    db.indicator.findMany({ where: { planId: plan.id }, select: { id: true, code: true } }),
  ]);
  if (indicators.length === 0) throw new NotFoundError(`规划 ${plan.id} 尚未加载`, `Plan ${plan.id} is not loaded`);
  const unitId = new Map(units.map((u) => [u.name, u.id]));
  const indicatorId = new Map(indicators.map((i) => [i.code, i.id]));
  const values = generateDemoValues(plan, through);
  const now = new Date();

  await db.$transaction(
    async (tx) => {
      await tx.indicatorValue.deleteMany({ where: { isDemo: true, indicator: { planId: plan.id } } });
      await tx.indicatorValue.createMany({
        data: values.map((v) => ({
          indicatorId: indicatorId.get(v.code)!,
          unitId: unitId.get(v.unitName)!,
          reporterUnitId: unitId.get(v.reporterName)!,
          month: v.month,
          stage: v.stage,
          value: v.value,
          source: v.source,
          status: v.status,
          isDemo: true,
          submittedAt: now,
          approvedAt: v.status === 'approved' ? now : null,
        })),
      });
      const state: DemoState = { seededThrough: through };
      await tx.appSetting.upsert({ where: { key: DEMO_SETTING_KEY }, create: { key: DEMO_SETTING_KEY, value: { ...state } }, update: { value: { ...state }, version: { increment: 1 } } });
      await recordAudit(tx, actor, { event: 'demo.seeded', targetType: 'plan', targetId: plan.id, after: { values: values.length, through } });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { values: values.length };
}

/** Deletes every demo figure and remembers the removal, so that a later start does not seed again. */
export async function removeDemoData(actor: Actor): Promise<{ values: number }> {
  if (!canManageDemoData(actor)) throw new ForbiddenError();
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const { count } = await tx.indicatorValue.deleteMany({ where: { isDemo: true } });
    const state: DemoState = { removedAt: new Date().toISOString() };
    await tx.appSetting.upsert({ where: { key: DEMO_SETTING_KEY }, create: { key: DEMO_SETTING_KEY, value: { ...state } }, update: { value: { ...state }, version: { increment: 1 } } });
    await recordAudit(tx, actor, { event: 'demo.removed', targetType: 'demo', after: { values: count } });
    return { values: count };
  });
}
