// Server only. The one place the registry's role scope becomes a database filter: every registry query goes through it.
import 'server-only';
import type { Actor } from '@/lib/actor';
import type { Prisma } from '@/lib/generated/prisma/client';
import { registryScope } from '@/lib/permissions';

/** Firms the viewer may see; `null` when none (the caller returns nothing or refuses). */
export function scopedFirms(viewer: Actor): Prisma.EnterpriseWhereInput | null {
  const scope = registryScope(viewer);
  if (scope.kind === 'none') return null;
  if (scope.kind === 'all') return {};
  return { OR: [{ townUnitId: scope.unitId }, { parkUnitId: scope.unitId }] };
}
