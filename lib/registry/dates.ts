// Pure: calendar days as 'YYYY-MM-DD' strings (China has one time zone and no DST, so a day is a plain date).
import { parseMonth, type Month } from '@/lib/periods';

export type Day = string;

const DAY_RE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * The years a registry day may fall in: a founding day, a certificate's issue day or its end. Outside them the day is
 * a typing error, and PostgreSQL cannot store some of them at all (there is no year 0000; a day in 9999 plus a
 * three-year certificate span has no date).
 */
export const FIRST_DAY_YEAR = 1900;
export const LAST_DAY_YEAR = 2100;

export function isDay(value: string): value is Day {
  if (!DAY_RE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < FIRST_DAY_YEAR || year > LAST_DAY_YEAR) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return d.toISOString().slice(0, 10) === value;
}

export function dayFromDate(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

export function dateFromDay(day: Day): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function addDays(day: Day, n: number): Day {
  const d = dateFromDay(day);
  d.setUTCDate(d.getUTCDate() + n);
  return dayFromDate(d);
}

/** Same day n years later; 29 February falls back to 28 February in a common year. */
export function addYears(day: Day, n: number): Day {
  const [y, m, d] = day.split('-').map(Number);
  const year = y + n;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function lastDayOfMonth(month: Month): Day {
  const { year, month: m } = parseMonth(month);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

export function monthOfDay(day: Day): Month {
  return day.slice(0, 7);
}

/** 'YYYY-Qn' of a day. */
export function quarterOf(day: Day): string {
  const m = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.ceil(m / 3)}`;
}

/** The calendar day in China (UTC+8, no DST) at an instant. */
export function dayInChina(at: Date): Day {
  return dayFromDate(new Date(at.getTime() + 8 * 60 * 60 * 1000));
}
