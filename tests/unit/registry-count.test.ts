import { describe, expect, test } from 'vitest';
import { addYears, lastDayOfMonth } from '@/lib/registry/dates';
import { countForMonth, highTechExpiry, isInForce, lastDayInForce, techSmeSpan, type CountableFirm } from '@/lib/registry/validity';

const firm = (id: number, town: number | null, park: number | null, qualifications: CountableFirm['qualifications']): CountableFirm => ({
  id,
  townUnitId: town,
  parkUnitId: park,
  qualifications,
});
const highTech = (issuedOn: string, endedOn: string | null = null) => ({ kind: 'high_tech' as const, validFrom: issuedOn, validUntil: highTechExpiry(issuedOn), endedOn });

describe('high-tech certificate validity', () => {
  test.each([
    ['2023-12-12', '2026-12-11'],
    ['2023-01-01', '2025-12-31'],
    ['2024-02-29', '2027-02-27'], // the third anniversary of a leap day is 28 Feb
    ['2023-03-01', '2026-02-28'],
  ])('issued %s → valid through %s', (issued, last) => expect(highTechExpiry(issued)).toBe(last));

  test('addYears keeps the day where it exists', () => expect(addYears('2024-02-29', 4)).toBe('2028-02-29'));
});

describe('the monthly count: in force on the last day of the month', () => {
  // Each row: the certificate's issue date, an early end, the month, counted?
  test.each([
    ['issued on the last day of the month counts', '2025-03-31', null, '2025-03', true],
    ['issued the day after the month ends does not', '2025-04-01', null, '2025-03', false],
    ['last valid day is the month’s last day: counts', '2022-04-01', null, '2025-03', true], // valid through 2025-03-31
    ['expired the day before the month’s last day: does not', '2022-03-31', null, '2025-03', false], // valid through 2025-03-30
    ['expired mid-month: does not', '2022-03-15', null, '2025-03', false],
    ['expired the month before: does not', '2022-02-15', null, '2025-03', false],
    ['valid in its first month', '2025-03-02', null, '2025-03', true],
    ['ended (revoked) on the last day: not in force that day', '2024-01-10', '2025-03-31', '2025-03', false],
    ['ended on the first day of next month: counts', '2024-01-10', '2025-04-01', '2025-03', true],
  ])('%s', (_name, issued, ended, month, counted) => {
    const result = countForMonth([firm(1, 10, null, [highTech(issued, ended)])], 'high_tech', month);
    expect(result.total).toBe(counted ? 1 : 0);
  });

  test('February in a leap year: the 29th is the last day', () => {
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    const f = firm(1, 10, null, [{ kind: 'high_tech', validFrom: '2021-03-01', validUntil: '2024-02-28', endedOn: null }]);
    expect(countForMonth([f], 'high_tech', '2024-02').total).toBe(0);
    expect(countForMonth([f], 'high_tech', '2024-01').total).toBe(1);
  });

  test('a renewed certificate keeps the firm counted across the gapless change, and counts it once', () => {
    const first = highTech('2022-06-15');
    const renewal = highTech('2025-06-15');
    expect(first.validUntil).toBe('2025-06-14');
    const f = firm(1, 10, 20, [first, renewal]);
    for (const m of ['2025-05', '2025-06', '2025-07']) expect(countForMonth([f], 'high_tech', m).total).toBe(1);
  });

  test('tech SMEs count for the year they are registered for, from the registration day', () => {
    const f = firm(1, 10, null, [{ kind: 'tech_sme', ...techSmeSpan(2025, '2025-04-30') }]);
    expect(countForMonth([f], 'tech_sme', '2025-03').total).toBe(0);
    expect(countForMonth([f], 'tech_sme', '2025-04').total).toBe(1);
    expect(countForMonth([f], 'tech_sme', '2025-12').total).toBe(1);
    expect(countForMonth([f], 'tech_sme', '2026-01').total).toBe(0);
    expect(countForMonth([f], 'high_tech', '2025-06').total).toBe(0);
  });

  test('by town and by park: a firm counts in its town and, if any, in its park', () => {
    const firms = [
      firm(1, 10, 20, [highTech('2024-01-01')]),
      firm(2, 10, null, [highTech('2024-01-01')]),
      firm(3, 11, 20, [highTech('2024-01-01')]),
      firm(4, 11, 21, [highTech('2019-01-01')]), // expired
      firm(5, null, 21, [highTech('2024-01-01')]),
    ];
    const result = countForMonth(firms, 'high_tech', '2025-06');
    expect(result.total).toBe(4);
    expect(Object.fromEntries(result.byTown)).toEqual({ 10: 2, 11: 1 });
    expect(Object.fromEntries(result.byPark)).toEqual({ 20: 2, 21: 1 });
  });

  test('lastDayInForce takes the earlier of expiry and the day before an early end', () => {
    expect(lastDayInForce({ validFrom: '2023-01-01', validUntil: '2025-12-31', endedOn: '2024-05-01' })).toBe('2024-04-30');
    expect(lastDayInForce({ validFrom: '2023-01-01', validUntil: '2025-12-31', endedOn: null })).toBe('2025-12-31');
    expect(lastDayInForce({ validFrom: '2023-01-01', validUntil: null, endedOn: null })).toBeNull();
    expect(isInForce({ validFrom: '2023-01-01', validUntil: null, endedOn: null }, '2099-01-01')).toBe(true);
  });
});
