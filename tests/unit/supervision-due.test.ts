// Due-date colours and the answer cadence of supervision items, across the boundaries, with explicit instants.
import { describe, expect, test } from 'vitest';
import { addDays, answerOwed, daysLeft, dueState, nextAnswerDue } from '@/lib/supervision/due';
import { nextSupervisionState, stepsAllowed } from '@/lib/supervision/state-machine';

const item = (dueDate: string, state: 'open' | 'answered' | 'returned' | 'closed' = 'open') => ({ state, dueDate });

describe('due-date state (CST days)', () => {
  test.each([
    // due 2026-11-20: yellow from the start of 11-17 (CST), red from the start of 11-21 (CST)
    ['2026-11-16T15:59:59.999Z', 'ok'], // 11-16 23:59:59 CST
    ['2026-11-16T16:00:00.000Z', 'soon'], // 11-17 00:00 CST: three days before
    ['2026-11-20T15:59:59.999Z', 'soon'], // the last instant of the due day
    ['2026-11-20T16:00:00.000Z', 'overdue'], // 11-21 00:00 CST
    ['2027-01-01T00:00:00.000Z', 'overdue'],
  ])('at %s an item due 2026-11-20 is %s', (iso, expected) => {
    expect(dueState(new Date(iso), item('2026-11-20'))).toBe(expected);
  });

  test('a closed item has no colour, however late', () => {
    expect(dueState(new Date('2030-01-01T00:00:00Z'), item('2026-11-20', 'closed'))).toBe('closed');
  });

  test.each([
    ['2026-11-20T01:00:00Z', '2026-11-20', 0],
    ['2026-11-19T17:00:00Z', '2026-11-20', 0], // 11-20 01:00 CST
    ['2026-11-15T02:00:00Z', '2026-11-20', 5],
    ['2026-11-22T02:00:00Z', '2026-11-20', -2],
  ])('days left at %s for %s: %i', (iso, due, expected) => {
    expect(daysLeft(new Date(iso), due)).toBe(expected);
  });

  test('calendar arithmetic crosses months and leap days', () => {
    expect(addDays('2028-02-27', 3)).toBe('2028-03-01');
    expect(addDays('2026-03-01', -3)).toBe('2026-02-26');
  });
});

describe('answer cadence', () => {
  const raisedAt = new Date('2026-11-01T02:00:00Z');
  test('without a cadence no next answer is due', () => {
    expect(nextAnswerDue({ raisedAt, lastAnsweredAt: null, cadenceDays: null })).toBeNull();
  });
  test('the next answer is due cadence days after the last one, or after raising', () => {
    expect(nextAnswerDue({ raisedAt, lastAnsweredAt: null, cadenceDays: 14 })).toBe('2026-11-15');
    expect(nextAnswerDue({ raisedAt, lastAnsweredAt: new Date('2026-11-10T09:00:00Z'), cadenceDays: 14 })).toBe('2026-11-24');
  });
  test.each([
    ['open', null, '2026-11-02T00:00:00Z', true],
    ['returned', null, '2026-11-02T00:00:00Z', true],
    ['answered', null, '2026-11-02T00:00:00Z', false], // no cadence: the answer awaits acceptance
    ['answered', 14, '2026-11-23T15:59:59Z', false], // 11-23 23:59 CST, next due 11-24
    ['answered', 14, '2026-11-23T16:00:00Z', true], // 11-24 00:00 CST
    ['closed', 14, '2027-01-01T00:00:00Z', false],
  ] as const)('%s with cadence %s at %s owes an answer: %s', (state, cadenceDays, iso, expected) => {
    expect(answerOwed(new Date(iso), { state, raisedAt, lastAnsweredAt: new Date('2026-11-10T09:00:00Z'), cadenceDays })).toBe(expected);
  });
});

describe('steps', () => {
  test.each([
    ['open', 'answer', 'answered'],
    ['returned', 'answer', 'answered'],
    ['answered', 'answer', 'answered'],
    ['answered', 'return', 'returned'],
    ['answered', 'close', 'closed'],
    ['open', 'close', null],
    ['open', 'return', null],
    ['returned', 'close', null],
    ['open', 'extend', 'open'],
    ['answered', 'extend', 'answered'],
    ['closed', 'answer', null],
    ['closed', 'extend', null],
  ] as const)('%s → %s gives %s', (state, step, expected) => {
    expect(nextSupervisionState(state, step)).toBe(expected);
  });
  test('a closed item takes no step', () => {
    expect(stepsAllowed('closed')).toEqual([]);
  });
});
