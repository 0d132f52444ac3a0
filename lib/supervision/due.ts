// Pure: no I/O. When a supervision item is due, and the colour that says so: yellow from three days before the due
// day, red once the due day (China Standard Time) has ended. Closed items have no colour.
import { cstDate, endOfCstDay, isDateString } from '@/lib/reporting/deadlines';
import type { SupervisionState } from '@/lib/generated/prisma/enums';

export type DueState = 'closed' | 'ok' | 'soon' | 'overdue';

/** Yellow starts this many calendar days before the due day. */
export const SOON_DAYS = 3;

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  if (!isDateString(date)) throw new RangeError(`Not a date: ${date}`);
  return new Date(utcDay(date) + days * DAY_MS).toISOString().slice(0, 10);
}

function utcDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
}

export function dueState(now: Date, item: { state: SupervisionState; dueDate: string }): DueState {
  if (item.state === 'closed') return 'closed';
  if (now >= endOfCstDay(item.dueDate)) return 'overdue';
  return cstDate(now) >= addDays(item.dueDate, -SOON_DAYS) ? 'soon' : 'ok';
}

/** Days left until the due day ends (0 on the due day itself), or days overdue as a negative number. */
export function daysLeft(now: Date, dueDate: string): number {
  return daysBetween(cstDate(now), dueDate);
}

/**
 * With a required cadence, the next answer is due `cadenceDays` after the last one (or after raising): the day a
 * unit's answer is expected again, or null when no cadence is set.
 */
export function nextAnswerDue(item: { raisedAt: Date; lastAnsweredAt: Date | null; cadenceDays: number | null }): string | null {
  if (!item.cadenceDays) return null;
  return addDays(cstDate(item.lastAnsweredAt ?? item.raisedAt), item.cadenceDays);
}

/**
 * Whether the units owe an answer now: always while open or returned; while answered (awaiting acceptance) only
 * when the cadence says the next progress update has come due.
 */
export function answerOwed(now: Date, item: { state: SupervisionState; raisedAt: Date; lastAnsweredAt: Date | null; cadenceDays: number | null }): boolean {
  if (item.state === 'open' || item.state === 'returned') return true;
  if (item.state !== 'answered') return false;
  const next = nextAnswerDue(item);
  return next !== null && cstDate(now) >= next;
}
