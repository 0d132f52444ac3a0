// Pure: the high-tech certificates in force on a day that lapse in each of the next quarters unless renewed, by town
// and park, and what the count falls to if none is renewed. The re-certification work list is the firms behind it.
import { addDays, quarterOf, type Day } from '@/lib/registry/dates';
import { isInForce, lastDayInForce, type CountableFirm } from '@/lib/registry/validity';

export interface ExpiringFirm {
  id: number;
  townUnitId: number | null;
  parkUnitId: number | null;
  /** Last day the certificate in force is valid. */
  lastDay: Day;
  quarter: string;
}

export interface QuarterForecast {
  quarter: string;
  expiring: number;
  /** In force at the quarter's end if nobody renews. */
  remaining: number;
  byUnit: Record<number, number>;
}

/** Quarters ('YYYY-Qn') from the one after `today`'s, `count` of them. */
export function nextQuarters(today: Day, count: number): string[] {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  let index = y * 4 + Math.floor((m - 1) / 3);
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    index += 1;
    out.push(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
  }
  return out;
}

/**
 * A firm whose certificate in force today lapses (its chain of renewals already recorded included) within the window.
 * The current quarter's remaining days count toward the first quarter listed, so nothing falls between.
 */
export function expiringFirms(firms: readonly CountableFirm[], today: Day, quarters: readonly string[]): ExpiringFirm[] {
  const out: ExpiringFirm[] = [];
  const last = quarters[quarters.length - 1];
  for (const firm of firms) {
    const certs = firm.qualifications.filter((q) => q.kind === 'high_tech');
    if (!certs.some((q) => isInForce(q, today))) continue;
    // Follow the chain: the firm keeps its status while some certificate covers the next day.
    let day = today;
    for (;;) {
      const covering = certs.filter((q) => isInForce(q, day));
      if (covering.length === 0) break;
      const ends = covering.map((q) => lastDayInForce(q)).filter((d): d is Day => d !== null);
      if (ends.length < covering.length) {
        day = '9999-12-31';
        break;
      }
      day = addDays(ends.sort().at(-1)!, 1);
    }
    const lastDay = addDays(day, -1);
    const q = quarterOf(lastDay);
    if (lastDay > today && q <= last) out.push({ id: firm.id, townUnitId: firm.townUnitId, parkUnitId: firm.parkUnitId, lastDay, quarter: q < quarters[0] ? quarters[0] : q });
  }
  return out.sort((a, b) => (a.lastDay < b.lastDay ? -1 : a.lastDay > b.lastDay ? 1 : a.id - b.id));
}

export function forecastByQuarter(inForceToday: number, expiring: readonly ExpiringFirm[], quarters: readonly string[]): QuarterForecast[] {
  let remaining = inForceToday;
  return quarters.map((quarter) => {
    const these = expiring.filter((e) => e.quarter === quarter);
    remaining -= these.length;
    const byUnit: Record<number, number> = {};
    for (const e of these) {
      if (e.townUnitId !== null) byUnit[e.townUnitId] = (byUnit[e.townUnitId] ?? 0) + 1;
      if (e.parkUnitId !== null) byUnit[e.parkUnitId] = (byUnit[e.parkUnitId] ?? 0) + 1;
    }
    return { quarter, expiring: these.length, remaining, byUnit };
  });
}
