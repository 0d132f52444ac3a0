import { expect, test } from 'vitest';
import type { Timeliness } from '@/lib/reporting/deadlines';
import { reportingRecord, type MonthRecord } from '@/lib/reporting/rate';

const m = (month: string, timeliness: Timeliness, expected = true): MonthRecord => ({ month, expected, timeliness });

test.each([
  ['nothing expected yet', [], { expected: 0, submitted: 0, rate: null }],
  ['all on time', [m('2026-01', 'on_time'), m('2026-02', 'on_time')], { expected: 2, submitted: 2, onTime: 2, late: 0, missing: 0, rate: 1, onTimeRate: 1 }],
  ['one late, one missing', [m('2026-01', 'late'), m('2026-02', 'missing'), m('2026-03', 'on_time')], { expected: 3, submitted: 2, onTime: 1, late: 1, missing: 1 }],
  ['a month not yet due is not counted', [m('2026-01', 'on_time'), m('2026-02', 'pending')], { expected: 1, submitted: 1, rate: 1 }],
  ['a month with nothing required is not counted', [m('2026-01', 'on_time'), m('2026-02', 'on_time', false)], { expected: 1, submitted: 1, rate: 1 }],
] as const)('%s', (_name, months, expected) => {
  expect(reportingRecord([...months])).toMatchObject(expected);
});

test('the rate never exceeds 100 % nor falls below 0, whatever the mix', () => {
  const kinds: Timeliness[] = ['on_time', 'late', 'pending', 'missing'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let run = 0; run < 500; run++) {
    const months = Array.from({ length: 1 + (next() % 24) }, (_, i) => m(`2026-${String((i % 12) + 1).padStart(2, '0')}`, kinds[next() % 4], next() % 5 !== 0));
    const r = reportingRecord(months);
    expect(r.submitted + r.missing).toBe(r.expected);
    if (r.rate !== null) {
      expect(r.rate).toBeGreaterThanOrEqual(0);
      expect(r.rate).toBeLessThanOrEqual(1);
      expect(r.onTimeRate!).toBeLessThanOrEqual(r.rate);
    }
  }
});
