// Server only. The one place the registry's role scope becomes a database filter: every registry query goes through it.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { registryScope } from '@/lib/permissions';
import type { RegistryRule } from '@/lib/registry/derived';
import type { QualificationKind } from '@/lib/registry/validity';

/**
 * The qualifications behind the registry-counted indicators a unit reports (the plan's `registry` mark): a
 * department that submits 国家高新技术企业 reads the firms behind its number, and nothing else of the registry.
 */
export async function reportedRegistryKinds(unitId: number): Promise<QualificationKind[]> {
  const db = await getDb();
  const indicators = await db.indicator.findMany({ where: { reporters: { some: { unitId } } }, select: { registryRule: true } });
  const kinds = indicators.filter((i) => i.registryRule !== null).map((i) => (i.registryRule as unknown as RegistryRule).kind);
  return [...new Set(kinds)].sort();
}

/**
 * The plan (district) whose registry the actor reads and writes: their unit's plan, or the current plan (the one
 * loaded first, which the app serves) for an account or API client with no unit. A city's districts may share one
 * database; a firm belongs to exactly one plan (`Enterprise.planId`) and no one reads or matches another plan's.
 * `null` when no plan is loaded.
 */
export async function registryPlanId(actor: Actor): Promise<string | null> {
  const db = await getDb();
  if (actor.unitId !== null) {
    const unit = await db.unit.findUnique({ where: { id: actor.unitId }, select: { planId: true } });
    if (unit) return unit.planId;
  }
  const plan = await db.plan.findFirst({ orderBy: [{ loadedAt: 'asc' }, { id: 'asc' }], select: { id: true } });
  return plan?.id ?? null;
}

/** `registryPlanId`, for writers: with no plan loaded there is no registry to write to. */
export async function requireRegistryPlanId(actor: Actor): Promise<string> {
  const planId = await registryPlanId(actor);
  if (planId === null) throw new NotFoundError('尚未加载规划文件', 'No plan has been loaded');
  return planId;
}

/**
 * Firms the viewer may see; `null` when none (the caller returns nothing or refuses). District-wide roles see every
 * firm of their plan (`registryPlanId`); a town's or park's user the firms of their unit (a unit is of one plan, and
 * so are its firms); a department's reporter its plan's firms that hold (or held) a qualification counted by an
 * indicator its unit reports, read only; any other department none.
 */
export async function scopedFirms(viewer: Actor): Promise<Prisma.EnterpriseWhereInput | null> {
  const scope = registryScope(viewer);
  if (scope.kind === 'none') return null;
  const db = await getDb();
  if (scope.kind === 'all') {
    const planId = await registryPlanId(viewer);
    return planId === null ? null : { planId };
  }
  const unit = await db.unit.findUnique({ where: { id: scope.unitId }, select: { kind: true, planId: true } });
  if (!unit) return null;
  if (unit.kind === 'town' || unit.kind === 'park') return { OR: [{ townUnitId: scope.unitId }, { parkUnitId: scope.unitId }] };
  const kinds = await reportedRegistryKinds(scope.unitId);
  return kinds.length === 0 ? null : { AND: [{ planId: unit.planId }, { qualifications: { some: { kind: { in: kinds } } } }] };
}

/** Whether the viewer's registry scope is the whole district's (or a department's qualification lists): not one town's. */
export async function seesDistrictLists(viewer: Actor): Promise<boolean> {
  const scope = await scopedFirms(viewer);
  return scope !== null && !('OR' in scope);
}
