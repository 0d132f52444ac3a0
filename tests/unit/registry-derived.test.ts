import { describe, expect, test } from 'vitest';
import { addDays, lastDayOfMonth } from '@/lib/registry/dates';
import { compare, countByRule, countFromCells, listHref, type RuleFirm } from '@/lib/registry/derived';
import { highTechExpiry } from '@/lib/registry/validity';

const MONTH = '2026-02'; // a short month: its last day is the 28th
const END = lastDayOfMonth(MONTH);
const rule = { kind: 'high_tech' as const, rule: 'in_force_on_month_end' as const };
const firm = (id: number, issued: string, extra: Partial<RuleFirm> = {}): RuleFirm => ({
  id,
  townUnitId: 10,
  parkUnitId: null,
  aboveScale: false,
  qualifications: [{ kind: 'high_tech', validFrom: issued, validUntil: highTechExpiry(issued), endedOn: null }],
  ...extra,
});

describe('the rule’s count on the month’s last day', () => {
  test.each([
    ['valid through the month’s last day: counts', '2023-03-01', true], // last day 2026-02-28
    ['expired the day before the last day: does not', '2023-02-28', false], // last day 2026-02-27
    ['issued on the last day: counts', END, true],
    ['issued the day after: does not', addDays(END, 1), false],
  ])('%s', (_name, issued, counts) => {
    expect(highTechExpiry('2023-03-01')).toBe(END);
    expect(countByRule([firm(1, issued)], rule, MONTH, { kind: 'region' })).toBe(counts ? 1 : 0);
  });

  test('by town and park; the district counts every firm', () => {
    const firms = [firm(1, '2025-01-01', { townUnitId: 10, parkUnitId: 20 }), firm(2, '2025-01-01', { townUnitId: 11 }), firm(3, '2025-01-01', { townUnitId: null, parkUnitId: 20 })];
    expect(countByRule(firms, rule, MONTH, { kind: 'region' })).toBe(3);
    expect(countByRule(firms, rule, MONTH, { kind: 'town', unitId: 10 })).toBe(1);
    expect(countByRule(firms, rule, MONTH, { kind: 'park', unitId: 20 })).toBe(2);
  });

  test('an above-scale rule counts only firms marked 规上', () => {
    const firms = [firm(1, '2025-01-01', { aboveScale: true }), firm(2, '2025-01-01')];
    expect(countByRule(firms, { ...rule, aboveScale: true }, MONTH, { kind: 'region' })).toBe(1);
  });

  test('an early end on the last day stops the count that day', () => {
    const ended = firm(1, '2025-01-01');
    ended.qualifications[0].endedOn = END;
    expect(countByRule([ended], rule, MONTH, { kind: 'region' })).toBe(0);
  });
});

describe('a stored figure beside the count', () => {
  test.each([
    ['nothing stored', null, null],
    ['filled from the registry and equal: no difference to show', { value: 5, source: 'registry' as const, status: 'draft' }, null],
    ['filled from the registry but the registry moved since', { value: 4, source: 'registry' as const, status: 'approved' }, -1],
    ['typed and equal: shown as 0', { value: 5, source: 'manual' as const, status: 'submitted' }, 0],
    ['typed and higher', { value: 8, source: 'manual' as const, status: 'approved' }, 3],
    ['demo figure lower', { value: 2, source: 'demo' as const, status: 'approved' }, -3],
  ])('%s', (_name, figure, difference) => expect(compare(5, figure).difference).toBe(difference));
});

test('the list behind a count is judged on the month’s last day', () => {
  expect(listHref(rule, { kind: 'park', unitId: 20 }, MONTH)).toBe(`/enterprises?holds=high_tech&on=${END}&park=20`);
  expect(listHref({ ...rule, aboveScale: true }, { kind: 'region' }, MONTH)).toBe(`/enterprises?holds=high_tech&on=${END}&aboveScale=yes`);
});

test('counts from the database’s (town, park) cells: the district all, a town or park its cells', () => {
  const cells = [
    { townUnitId: 10, parkUnitId: 20, count: 2 },
    { townUnitId: 10, parkUnitId: null, count: 3 },
    { townUnitId: 11, parkUnitId: 20, count: 4 },
    { townUnitId: null, parkUnitId: null, count: 1 },
  ];
  expect(countFromCells(cells, { kind: 'region' })).toBe(10);
  expect(countFromCells(cells, { kind: 'town', unitId: 10 })).toBe(5);
  expect(countFromCells(cells, { kind: 'park', unitId: 20 })).toBe(6);
  expect(countFromCells(cells, { kind: 'town', unitId: 99 })).toBe(0);
});
