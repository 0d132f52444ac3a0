// Server only. Every function takes the viewer first. The expiry forecast over the next eight quarters (24 months),
// within the viewer's scope: per quarter and per town/park, what lapses and what the count falls to, and the work list.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import type { Day } from '@/lib/registry/dates';
import { expiringFirms, forecastByQuarter, nextQuarters, type QuarterForecast } from '@/lib/registry/forecast';
import { isInForce } from '@/lib/registry/validity';
import { loadCountableFirms } from '@/lib/queries/registry/counts';

export interface ForecastDto {
  today: Day;
  inForce: number;
  quarters: QuarterForecast[];
  units: { id: number; name: string; kind: 'town' | 'park'; inForce: number }[];
  workList: { id: number; creditCode: string; name: string; town: string | null; park: string | null; lastDay: Day; quarter: string }[];
}

export async function getExpiryForecast(viewer: Actor, today: Day): Promise<ForecastDto> {
  const firms = await loadCountableFirms(viewer, ['high_tech']);
  const quarters = nextQuarters(today, 8);
  const holding = firms.filter((f) => f.qualifications.some((q) => isInForce(q, today)));
  const expiring = expiringFirms(holding, today, quarters);
  const db = await getDb();
  const ids = expiring.map((e) => e.id);
  const inForceBy = new Map<number, number>();
  for (const f of holding) {
    if (f.townUnitId) inForceBy.set(f.townUnitId, (inForceBy.get(f.townUnitId) ?? 0) + 1);
    if (f.parkUnitId) inForceBy.set(f.parkUnitId, (inForceBy.get(f.parkUnitId) ?? 0) + 1);
  }
  const [details, units] = await Promise.all([
    db.enterprise.findMany({ where: { id: { in: ids } }, select: { id: true, creditCode: true, name: true, town: { select: { name: true } }, park: { select: { name: true } } } }),
    db.unit.findMany({ where: { id: { in: [...inForceBy.keys()] }, kind: { in: ['town', 'park'] }, active: true }, orderBy: [{ kind: 'desc' }, { position: 'asc' }], select: { id: true, name: true, kind: true } }),
  ]);
  const byId = new Map(details.map((d) => [d.id, d]));
  return {
    today,
    inForce: holding.length,
    quarters: forecastByQuarter(holding.length, expiring, quarters),
    units: units.filter((u) => inForceBy.has(u.id)).map((u) => ({ id: u.id, name: u.name, kind: u.kind as 'town' | 'park', inForce: inForceBy.get(u.id)! })),
    workList: expiring.map((e) => {
      const d = byId.get(e.id)!;
      return { id: e.id, creditCode: d.creditCode, name: d.name, town: d.town?.name ?? null, park: d.park?.name ?? null, lastDay: e.lastDay, quarter: e.quarter };
    }),
  };
}
