import { describe, expect, test } from 'vitest';
import { highTechExpiry, techSmeSpan } from '@/lib/registry/validity';
import { ABOVE_SCALE_REVENUE, nextStepOf, stageFlows, stagesOn, type PipelineFirm } from '@/lib/registry/pipeline';

const ht = (issued: string, endedOn: string | null = null) => ({ kind: 'high_tech' as const, validFrom: issued, validUntil: highTechExpiry(issued), endedOn });
const sme = (year: number, on = `${year}-03-01`) => ({ kind: 'tech_sme' as const, ...techSmeSpan(year, on) });
const list = (kind: 'cultivation' | 'specialised' | 'little_giant' | 'ipo_reserve' | 'listed', from: string, endedOn: string | null = null) => ({ kind, validFrom: from, validUntil: kind === 'cultivation' || kind === 'ipo_reserve' || kind === 'listed' ? null : highTechExpiry(from), endedOn });
const firm = (id: number, qualifications: PipelineFirm['qualifications'], extra: Partial<PipelineFirm> = {}): PipelineFirm => ({ id, aboveScale: false, qualifications, latestRevenue: null, candidate: 'unknown', ...extra });

describe('the stages a firm is in', () => {
  test.each([
    ['a registered tech SME', firm(1, [sme(2026)]), ['tech_sme']],
    ['a high-tech firm still in the pool', firm(2, [ht('2025-01-10'), list('cultivation', '2024-02-01')]), ['cultivation', 'high_tech']],
    ['an above-scale high-tech firm', firm(3, [ht('2025-01-10')], { aboveScale: true }), ['high_tech', 'above_scale_high_tech']],
    ['above scale without a certificate is not 规上高企', firm(4, [sme(2026)], { aboveScale: true }), ['tech_sme']],
    ['little giant and pre-IPO reserve', firm(5, [list('little_giant', '2025-06-01'), list('ipo_reserve', '2025-06-01')]), ['little_giant', 'ipo_reserve']],
    ['listed: the reserve entry ended on the listing day, the listing is the top stage', firm(8, [list('ipo_reserve', '2024-06-01', '2026-06-30'), list('listed', '2026-06-30')]), ['listed']],
    ['listed the day after: still in the reserve', firm(9, [list('ipo_reserve', '2024-06-01', '2026-11-16'), list('listed', '2026-11-16')]), ['ipo_reserve']],
    ['delisted: no stage', firm(10, [list('listed', '2024-06-30', '2026-01-05')]), []],
    ['a lapsed certificate is no stage', firm(6, [ht('2022-01-10')]), []],
    ['removed from the pool', firm(7, [list('cultivation', '2024-02-01', '2026-06-01')]), []],
  ])('%s', (_name, f, expected) => expect([...stagesOn(f, '2026-11-15')].sort()).toEqual([...expected].sort()));
});

describe('flows per year', () => {
  // Firm 1: tech SME 2023 and 2024, not 2025 (left in 2025). Firm 2: high-tech from 2023-05-10 (in 2023), lapses
  // 2026-05-09 (left in 2026). Firm 3: high-tech issued 2024-12-31 (in 2024), still in force. Firm 4: in the pool
  // from 2025-07-01, removed 2026-03-01.
  const firms = [
    firm(1, [sme(2023), sme(2024)]),
    firm(2, [ht('2023-05-10')]),
    firm(3, [ht('2024-12-31')]),
    firm(4, [list('cultivation', '2025-07-01', '2026-03-01')]),
  ];
  const flows = stageFlows(firms, 2023, '2026-11-15');

  test.each([
    ['tech_sme', [[2023, 1, 1, 0], [2024, 1, 0, 0], [2025, 0, 0, 1], [2026, 0, 0, 0]]],
    ['high_tech', [[2023, 1, 1, 0], [2024, 2, 1, 0], [2025, 2, 0, 0], [2026, 1, 0, 1]]],
    ['cultivation', [[2023, 0, 0, 0], [2024, 0, 0, 0], [2025, 1, 1, 0], [2026, 0, 0, 1]]],
  ] as const)('%s: count, in, out per year', (stage, rows) => {
    expect(flows[stage].map((f) => [f.year, f.count, f.entered, f.left])).toEqual(rows);
  });

  test('every year: count = previous count + in − out', () => {
    for (const stage of Object.keys(flows) as (keyof typeof flows)[]) {
      let previous = 0;
      for (const f of flows[stage]) {
        expect(f.count).toBe(previous + f.entered - f.left);
        previous = f.count;
      }
    }
  });

  test('the year in course is counted on the day, not at its end', () => {
    // Issued 2026-11-20: after the day, so not yet in 2026's column.
    const late = stageFlows([firm(9, [ht('2026-11-20')])], 2026, '2026-11-15');
    expect(late.high_tech).toEqual([{ year: 2026, count: 0, entered: 0, left: 0 }]);
  });
});

describe('one step from the next stage', () => {
  const day = '2026-11-15';
  test.each([
    ['a tech SME meeting the criteria → the pool', firm(1, [sme(2026)], { candidate: 'eligible' }), 'to_cultivation'],
    ['a tech SME near them → the pool', firm(2, [sme(2026)], { candidate: 'near' }), 'to_cultivation'],
    ['a tech SME short of them: none', firm(3, [sme(2026)], { candidate: 'short' }), null],
    ['a pool firm meeting them → high-tech', firm(4, [list('cultivation', '2025-01-01')], { candidate: 'eligible' }), 'to_high_tech'],
    ['a pool firm only near: none', firm(5, [list('cultivation', '2025-01-01')], { candidate: 'near' }), null],
    ['high-tech with sales exactly at the 规上 line → above scale', firm(6, [ht('2025-01-10')], { latestRevenue: ABOVE_SCALE_REVENUE }), 'to_above_scale'],
    ['high-tech with sales just under: none', firm(7, [ht('2025-01-10')], { latestRevenue: ABOVE_SCALE_REVENUE - 0.01 }), null],
    ['above-scale high-tech and 专精特新 → little giant', firm(8, [ht('2025-01-10'), list('specialised', '2025-02-01')], { aboveScale: true }), 'to_little_giant'],
    ['above-scale high-tech, not specialised: none', firm(9, [ht('2025-01-10')], { aboveScale: true }), null],
    ['a little giant is at the top: none', firm(10, [ht('2025-01-10'), list('little_giant', '2025-02-01')], { aboveScale: true }), null],
  ] as const)('%s', (_name, f, step) => expect(nextStepOf(f, day)).toBe(step));
});
