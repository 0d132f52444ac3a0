// Server only. The one place the registry's role scope becomes a database filter: every registry query goes through it.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
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
 * Firms the viewer may see; `null` when none (the caller returns nothing or refuses). District-wide roles see every
 * firm; a town's or park's user the firms of their unit; a department's reporter the firms that hold (or held) a
 * qualification counted by an indicator its unit reports, read only; any other department none.
 */
export async function scopedFirms(viewer: Actor): Promise<Prisma.EnterpriseWhereInput | null> {
  const scope = registryScope(viewer);
  if (scope.kind === 'none') return null;
  if (scope.kind === 'all') return {};
  const db = await getDb();
  const unit = await db.unit.findUnique({ where: { id: scope.unitId }, select: { kind: true } });
  if (unit?.kind === 'town' || unit?.kind === 'park') return { OR: [{ townUnitId: scope.unitId }, { parkUnitId: scope.unitId }] };
  const kinds = await reportedRegistryKinds(scope.unitId);
  return kinds.length === 0 ? null : { AND: [{ qualifications: { some: { kind: { in: kinds } } } }] };
}

/** Whether the viewer's registry scope is the whole district's (or a department's qualification lists): not one town's. */
export async function seesDistrictLists(viewer: Actor): Promise<boolean> {
  const scope = await scopedFirms(viewer);
  return scope !== null && !('OR' in scope);
}
