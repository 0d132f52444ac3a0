// Server only. Every function takes the viewer first. Monthly counts computed from the registry by the pure rule of
// lib/registry/validity.ts (in force on the month's last day), by town and park, within the viewer's scope.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import type { Month } from '@/lib/periods';
import type { Prisma } from '@/lib/generated/prisma/client';
import { dayFromDate } from '@/lib/registry/dates';
import type { RuleFirm } from '@/lib/registry/derived';
import { countSeries, type CountableFirm, type QualificationKind } from '@/lib/registry/validity';
import { scopedFirms } from '@/lib/queries/registry/scope';

/**
 * The firms matching `where` that hold (or held) a qualification of `kinds`, with those qualifications. Two statements,
 * each by an index whatever the size of the database: the firms by their scope (the plan's, town's or park's index),
 * then their qualifications by the firms' ids (the (enterpriseId, kind, year) key); firms with none are dropped here.
 * Not a `qualifications: { some }` filter: as a semi-join PostgreSQL may hash every plan's qualifications of the kind,
 * a scan of the whole table that grows with every district sharing the database.
 */
async function firmsHolding(where: Prisma.EnterpriseWhereInput, kinds: QualificationKind[]): Promise<RuleFirm[]> {
  const db = await getDb();
  const firms = await db.enterprise.findMany({
    where,
    select: { id: true, townUnitId: true, parkUnitId: true, aboveScale: true, qualifications: { where: { kind: { in: kinds } }, select: { kind: true, validFrom: true, validUntil: true, endedOn: true } } },
  });
  return firms
    .filter((f) => f.qualifications.length > 0)
    .map((f) => ({
      id: f.id,
      townUnitId: f.townUnitId,
      parkUnitId: f.parkUnitId,
      aboveScale: f.aboveScale,
      qualifications: f.qualifications.map((q) => ({ kind: q.kind, validFrom: dayFromDate(q.validFrom), validUntil: q.validUntil ? dayFromDate(q.validUntil) : null, endedOn: q.endedOn ? dayFromDate(q.endedOn) : null })),
    }));
}

export async function loadCountableFirms(viewer: Actor, kinds: QualificationKind[]): Promise<CountableFirm[]> {
  const where = await scopedFirms(viewer);
  return where ? firmsHolding(where, kinds) : [];
}

/** A plan's whole registry's firms holding (or that held) one of `kinds`. Not scoped by viewer: callers check theirs first. */
export function loadPlanFirmsHolding(planId: string, kinds: QualificationKind[]): Promise<RuleFirm[]> {
  return firmsHolding({ planId }, kinds);
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
