// Pure: reporting months as 'YYYY-MM' strings. Months are China Standard Time months (no DST), whatever the server's TZ.
export type Month = string;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

export function isMonth(value: string): value is Month {
  return MONTH_RE.test(value);
}

export function parseMonth(month: Month): { year: number; month: number } {
  const m = MONTH_RE.exec(month);
  if (!m) throw new RangeError(`Not a month: ${month}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

export function makeMonth(year: number, month: number): Month {
  const index = year * 12 + (month - 1);
  const y = Math.floor(index / 12);
  return `${y}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month a moment falls in, in China Standard Time. */
export function monthOf(instant: Date): Month {
  const cst = new Date(instant.getTime() + CST_OFFSET_MS);
  return makeMonth(cst.getUTCFullYear(), cst.getUTCMonth() + 1);
}

export function addMonths(month: Month, count: number): Month {
  const { year, month: m } = parseMonth(month);
  return makeMonth(year, m + count);
}

/** Months from a to b inclusive (empty when b is before a). */
export function monthRange(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** Whole months from a to b (b − a). */
export function monthsBetween(from: Month, to: Month): number {
  const a = parseMonth(from);
  const b = parseMonth(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** The last month whose figures can exist: the month before the one we are in. */
export function lastClosedMonth(now: Date): Month {
  return addMonths(monthOf(now), -1);
}

export function yearEnd(year: number): Month {
  return makeMonth(year, 12);
}

/** Which months ask for a figure, by frequency: monthly every month, quarterly Mar/Jun/Sep/Dec, annual December. */
export function isReportingMonth(frequency: 'monthly' | 'quarterly' | 'annual', month: Month): boolean {
  if (frequency === 'monthly') return true;
  const m = parseMonth(month).month;
  return frequency === 'quarterly' ? m % 3 === 0 : m === 12;
}
