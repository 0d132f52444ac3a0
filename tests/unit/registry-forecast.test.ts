import { describe, expect, test } from 'vitest';
import { expiringFirms, forecastByQuarter, nextQuarters } from '@/lib/registry/forecast';
import { tierOf } from '@/lib/registry/tier';
import { highTechExpiry, type CountableFirm } from '@/lib/registry/validity';

const cert = (issued: string, endedOn: string | null = null) => ({ kind: 'high_tech' as const, validFrom: issued, validUntil: highTechExpiry(issued), endedOn });
const firm = (id: number, town: number, park: number | null, quals: CountableFirm['qualifications']): CountableFirm => ({ id, townUnitId: town, parkUnitId: park, qualifications: quals });

describe('expiry forecast', () => {
  const today = '2026-11-15';
  const quarters = nextQuarters(today, 8);

  test('the next eight quarters after today’s', () => {
    expect(quarters[0]).toBe('2027-Q1');
    expect(quarters.at(-1)).toBe('2028-Q4');
    expect(nextQuarters('2026-12-31', 1)).toEqual(['2027-Q1']);
  });

  test.each([
    ['lapses in the rest of this quarter: counted in the first quarter', '2023-12-01', '2027-Q1'],
    ['lapses on 31 March 2027', '2024-04-01', '2027-Q1'],
    ['lapses on 1 April 2027', '2024-04-02', '2027-Q2'],
    ['lapses in the last quarter of the window', '2025-12-31', '2028-Q4'],
  ])('%s', (_n, issued, quarter) => {
    const [e] = expiringFirms([firm(1, 10, null, [cert(issued)])], today, quarters);
    expect(e.quarter).toBe(quarter);
  });

  test('beyond the window, already lapsed, or renewed in advance: not listed', () => {
    const firms = [
      firm(1, 10, null, [cert('2026-01-02')]), // lapses 2029-01-01
      firm(2, 10, null, [cert('2023-01-02')]), // lapsed 2026-01-01
      firm(3, 10, null, [cert('2024-03-01'), cert('2027-03-01')]), // renewal recorded: covered to 2030
    ];
    expect(expiringFirms(firms, today, quarters)).toEqual([]);
  });

  test('what the count falls to, quarter by quarter, with the split by town and park', () => {
    const firms = [firm(1, 10, 20, [cert('2024-02-10')]), firm(2, 11, null, [cert('2024-02-20')]), firm(3, 11, 20, [cert('2024-08-01')]), firm(4, 10, null, [cert('2026-01-02')])];
    const expiring = expiringFirms(firms, today, quarters);
    const forecast = forecastByQuarter(4, expiring, quarters);
    expect(forecast[0]).toEqual({ quarter: '2027-Q1', expiring: 2, remaining: 2, byUnit: { 10: 1, 11: 1, 20: 1 } });
    expect(forecast[2]).toMatchObject({ quarter: '2027-Q3', expiring: 1, remaining: 1 });
    expect(forecast.at(-1)!.remaining).toBe(1);
  });
});

describe('tier', () => {
  test.each([
    [false, ['tech_sme'], 'tech_sme'],
    [false, ['tech_sme', 'cultivation'], 'cultivation'],
    [false, ['high_tech', 'tech_sme'], 'high_tech'],
    [true, ['high_tech'], 'above_scale_high_tech'],
    [true, ['high_tech', 'little_giant'], 'little_giant'],
    [true, [], 'none'],
  ] as const)('above scale %s holding %j → %s', (aboveScale, kinds, tier) => {
    const qualifications = kinds.map((kind) => ({ kind, validFrom: '2025-01-01', validUntil: '2026-12-31', endedOn: null }));
    expect(tierOf({ aboveScale, qualifications }, '2026-06-30')).toBe(tier);
  });
});
