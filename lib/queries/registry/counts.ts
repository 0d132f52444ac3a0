// Server only. Every function takes the viewer first. Monthly counts computed from the registry by the pure rule of
// lib/registry/validity.ts (in force on the month's last day), by town and park, within the viewer's scope.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import type { Month } from '@/lib/periods';
import { dayFromDate } from '@/lib/registry/dates';
import { countSeries, type CountableFirm, type QualificationKind } from '@/lib/registry/validity';
import { scopedFirms } from '@/lib/queries/registry/scope';

export async function loadCountableFirms(viewer: Actor, kinds: QualificationKind[]): Promise<CountableFirm[]> {
  const where = await scopedFirms(viewer);
  if (!where) return [];
  const db = await getDb();
  const firms = await db.enterprise.findMany({
    where: { ...where, qualifications: { some: { kind: { in: kinds } } } },
    select: { id: true, townUnitId: true, parkUnitId: true, qualifications: { where: { kind: { in: kinds } }, select: { kind: true, validFrom: true, validUntil: true, endedOn: true } } },
  });
  return firms.map((f) => ({
    id: f.id,
    townUnitId: f.townUnitId,
    parkUnitId: f.parkUnitId,
    qualifications: f.qualifications.map((q) => ({ kind: q.kind, validFrom: dayFromDate(q.validFrom), validUntil: q.validUntil ? dayFromDate(q.validUntil) : null, endedOn: q.endedOn ? dayFromDate(q.endedOn) : null })),
  }));
}

export interface RegistryCountRow {
  month: Month;
  total: number;
  byUnit: Record<number, number>;
}

export async function getRegistryCounts(viewer: Actor, kind: QualificationKind, months: Month[]): Promise<RegistryCountRow[]> {
  const firms = await loadCountableFirms(viewer, [kind]);
  return countSeries(firms, kind, months).map((c) => ({ month: c.month, total: c.total, byUnit: Object.fromEntries([...c.byTown, ...c.byPark]) }));
}
