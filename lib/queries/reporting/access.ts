// Server only. Who may see what of monthly reporting: the one check every reporting read makes of its viewer.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { ForbiddenError } from '@/lib/errors';
import { can } from '@/lib/permissions';

/** The bureau and leaders see every unit; a reporter sees its own unit's pending figures. */
export function assertCanViewUnit(viewer: Actor, unitId: number): void {
  if (can(viewer, 'reporting.viewAllUnits')) return;
  if (viewer.unitId === unitId && can(viewer, 'figure.viewPending')) return;
  throw new ForbiddenError();
}

export function assertCanViewAll(viewer: Actor): void {
  if (!can(viewer, 'reporting.viewAllUnits')) throw new ForbiddenError();
}
