import { describe, expect, test } from 'vitest';
import { cstDate, defaultClosesAt, dueDateOf, effectiveClosesAt, endOfCstDay, isDateString, opensAt, timeliness, windowState, type WindowState } from '@/lib/reporting/deadlines';
import { readReportingSettings } from '@/lib/reporting/settings';

describe('when a reporting month opens and closes (China Standard Time)', () => {
  test.each([
    ['2026-03', 5, '2026-04-05T16:00:00.000Z', '2026-04-05'],
    ['2026-12', 5, '2027-01-05T16:00:00.000Z', '2027-01-05'],
    ['2026-01', 28, '2026-02-28T16:00:00.000Z', '2026-02-28'],
    ['2026-03', 1, '2026-04-01T16:00:00.000Z', '2026-04-01'],
  ])('%s with due day %i closes at %s (last day %s)', (month, dueDay, closes, lastDay) => {
    expect(defaultClosesAt(month, dueDay).toISOString()).toBe(closes);
    expect(dueDateOf(defaultClosesAt(month, dueDay))).toBe(lastDay);
  });

  test('a month opens at midnight on its 1st in Beijing', () => {
    expect(opensAt('2026-03').toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });

  test('an extension runs to the end of the chosen day; an earlier date never shortens the deadline', () => {
    expect(endOfCstDay('2026-04-10').toISOString()).toBe('2026-04-10T16:00:00.000Z');
    expect(effectiveClosesAt({ month: '2026-03', dueDay: 5, extendedUntil: endOfCstDay('2026-04-10') }).toISOString()).toBe('2026-04-10T16:00:00.000Z');
    expect(effectiveClosesAt({ month: '2026-03', dueDay: 5, extendedUntil: endOfCstDay('2026-04-01') }).toISOString()).toBe('2026-04-05T16:00:00.000Z');
  });

  const at = (iso: string) => new Date(iso);
  test.each<[string, Date | null, boolean, WindowState]>([
    ['2026-02-28T15:59:59Z', null, false, 'not_open'],
    ['2026-02-28T16:00:00Z', null, false, 'open'],
    ['2026-04-05T15:59:59Z', null, false, 'open'],
    ['2026-04-05T16:00:00Z', null, false, 'closed'],
    ['2026-04-05T16:00:00Z', null, true, 'reopened'],
    ['2026-04-08T00:00:00Z', endOfCstDay('2026-04-10'), false, 'open'],
    ['2026-04-11T00:00:00Z', endOfCstDay('2026-04-10'), false, 'closed'],
  ])('at %s (extended %s, reopened %s) the March form is %s', (now, extendedUntil, reopened, state) => {
    expect(windowState(at(now), { month: '2026-03', dueDay: 5, extendedUntil, reopened })).toBe(state);
  });

  test.each([
    ['2026-04-03T00:00:00Z', '2026-04-02T00:00:00Z', 'on_time'],
    ['2026-04-09T00:00:00Z', '2026-04-06T00:00:00Z', 'late'],
    ['2026-04-03T00:00:00Z', null, 'pending'],
    ['2026-04-09T00:00:00Z', null, 'missing'],
  ] as const)('now %s, first submitted %s → %s', (now, submitted, expected) => {
    expect(timeliness(at(now), defaultClosesAt('2026-03', 5), submitted ? at(submitted) : null)).toBe(expected);
  });

  test('dates', () => {
    expect(isDateString('2026-02-28')).toBe(true);
    expect(isDateString('2026-02-30')).toBe(false);
    expect(isDateString('2026-2-3')).toBe(false);
    expect(cstDate(at('2026-03-31T16:30:00Z'))).toBe('2026-04-01');
    expect(() => endOfCstDay('2026-13-01')).toThrow(RangeError);
  });
});

describe('reporting settings', () => {
  test('defaults, stored values, and bad stored values ignored field by field', () => {
    expect(readReportingSettings(null)).toEqual({ dueDay: 5, jumpThreshold: 0.3, firstMonth: null });
    expect(readReportingSettings({ dueDay: 10, jumpThreshold: 0.5, firstMonth: '2026-01' })).toEqual({ dueDay: 10, jumpThreshold: 0.5, firstMonth: '2026-01' });
    expect(readReportingSettings({ dueDay: 31, jumpThreshold: 'x', firstMonth: '2026-13', extra: 1 })).toEqual({ dueDay: 5, jumpThreshold: 0.3, firstMonth: null });
  });
});
