// Pure: when a reporting month opens and closes for a unit. A month opens on its 1st and is due at the end of the
// configured day of the following month, in China Standard Time whatever the server's time zone. Instants are
// exclusive boundaries (`closesAt` is the first moment that is too late).
import { addMonths, parseMonth, type Month } from '@/lib/periods';

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_RE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Midnight at the start of a CST calendar day. */
function cstMidnight(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - CST_OFFSET_MS);
}

export function isDateString(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]);
}

/** The CST calendar day of an instant, 'YYYY-MM-DD'. */
export function cstDate(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

export function opensAt(month: Month): Date {
  const { year, month: m } = parseMonth(month);
  return cstMidnight(year, m, 1);
}

/** The end of the due day of the following month: `dueDay` 5 for 2026-03 → 2026-04-06T00:00 CST. */
export function defaultClosesAt(month: Month, dueDay: number): Date {
  const { year, month: m } = parseMonth(addMonths(month, 1));
  return cstMidnight(year, m, dueDay + 1);
}

/** The end of a CST day given as 'YYYY-MM-DD' (an extension "until the 12th" includes the 12th). */
export function endOfCstDay(date: string): Date {
  if (!isDateString(date)) throw new RangeError(`Not a date: ${date}`);
  const [y, m, d] = date.split('-').map(Number);
  return new Date(cstMidnight(y, m, d).getTime() + DAY_MS);
}

/** The last day a report is accepted, for display ('YYYY-MM-DD', CST). */
export function dueDateOf(closesAt: Date): string {
  return cstDate(new Date(closesAt.getTime() - 1));
}

export interface DeadlineState {
  month: Month;
  dueDay: number;
  /** An extension for this unit and month, if any (exclusive instant). */
  extendedUntil: Date | null;
  /** Reopened by the bureau after the deadline, until the next submit. */
  reopened: boolean;
}

export function effectiveClosesAt(state: Pick<DeadlineState, 'month' | 'dueDay' | 'extendedUntil'>): Date {
  const normal = defaultClosesAt(state.month, state.dueDay);
  return state.extendedUntil && state.extendedUntil > normal ? state.extendedUntil : normal;
}

export type WindowState = 'not_open' | 'open' | 'closed' | 'reopened';

/** Whether the unit may edit and submit drafts now. Returned figures stay editable in every state (see state-machine). */
export function windowState(now: Date, state: DeadlineState): WindowState {
  if (now < opensAt(state.month)) return 'not_open';
  if (now < effectiveClosesAt(state)) return 'open';
  return state.reopened ? 'reopened' : 'closed';
}

export type Timeliness = 'on_time' | 'late' | 'pending' | 'missing';

/**
 * On time: first submitted before the (possibly extended) deadline. Late: first submitted after it. Pending: not
 * submitted, deadline not passed. Missing: not submitted, deadline passed.
 */
export function timeliness(now: Date, closesAt: Date, firstSubmittedAt: Date | null): Timeliness {
  if (firstSubmittedAt) return firstSubmittedAt < closesAt ? 'on_time' : 'late';
  return now < closesAt ? 'pending' : 'missing';
}
