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
 * A plan's whole registry's firms holding (or that held) one of `kinds`, with those qualifications, in one statement
 * driven by indexes whatever the size of the database: the plan's firms by `(planId, creditCode)`, each firm's rows by
 * the `(enterpriseId, kind, year)` key. The `OFFSET 0` keeps the lateral subquery a per-firm probe: written as a join
 * or an EXISTS, PostgreSQL may instead hash every plan's qualifications of the kind, a scan of the whole table that
 * grows with every district sharing the database. Not scoped by viewer: callers check theirs first.
 */
export async function loadPlanFirmsHolding(planId: string, kinds: QualificationKind[]): Promise<RuleFirm[]> {
  const db = await getDb();
  const rows = await db.$queryRawUnsafe<{ id: number; townUnitId: number | null; parkUnitId: number | null; aboveScale: boolean; kind: QualificationKind; validFrom: Date; validUntil: Date | null; endedOn: Date | null }[]>(
    `SELECT e.id, e."townUnitId", e."parkUnitId", e."aboveScale", q.kind::text AS kind, q."validFrom", q."validUntil", q."endedOn"
       FROM "Enterprise" e
       CROSS JOIN LATERAL (SELECT q.kind, q."validFrom", q."validUntil", q."endedOn" FROM "Qualification" q
                            WHERE q."enterpriseId" = e.id AND q.kind::text = ANY($2::text[]) OFFSET 0) q
      WHERE e."planId" = $1
      ORDER BY e.id`,
    planId,
    kinds,
  );
  const firms = new Map<number, RuleFirm>();
  for (const r of rows) {
    let firm = firms.get(r.id);
    if (!firm) firms.set(r.id, (firm = { id: r.id, townUnitId: r.townUnitId, parkUnitId: r.parkUnitId, aboveScale: r.aboveScale, qualifications: [] }));
    firm.qualifications.push({ kind: r.kind, validFrom: dayFromDate(r.validFrom), validUntil: r.validUntil ? dayFromDate(r.validUntil) : null, endedOn: r.endedOn ? dayFromDate(r.endedOn) : null });
  }
  return [...firms.values()];
}

/** Within a town's, park's or department's scope: its firms by their index, then their rows by firm id. */
async function scopedFirmsHolding(where: Prisma.EnterpriseWhereInput, kinds: QualificationKind[]): Promise<RuleFirm[]> {
  const db = await getDb();
  const firms = await db.enterprise.findMany({
    where,
    orderBy: { id: 'asc' },
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
  if (!where) return [];
  // A district-wide viewer's scope is exactly its plan (scopedFirms): the plan's one-statement load.
  if (typeof where.planId === 'string' && Object.keys(where).length === 1) return loadPlanFirmsHolding(where.planId, kinds);
  return scopedFirmsHolding(where, kinds);
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
