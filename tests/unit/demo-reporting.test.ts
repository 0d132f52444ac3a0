import { expect, test } from 'vitest';
import { generateDemoSubmissions } from '@/lib/demo/demo-reporting';

const units = Array.from({ length: 30 }, (_, i) => `单位${i}`);

test('demo submissions are never after the clock: a day that has not come yet is not submitted', () => {
  const now = new Date('2026-12-03T00:00:00Z');
  const unbounded = generateDemoSubmissions(units, '2026-11');
  const bounded = generateDemoSubmissions(units, '2026-11', 5, now);
  const future = unbounded.filter((s) => s.submittedAt && s.submittedAt > now);
  expect(future.length).toBeGreaterThan(0);
  expect(bounded.filter((s) => s.submittedAt && s.submittedAt > now)).toEqual([]);
  // Everything else is the same record: only what lies in the future is held back.
  expect(bounded.filter((s) => s.submittedAt).length).toBe(unbounded.filter((s) => s.submittedAt && s.submittedAt <= now).length);
});
