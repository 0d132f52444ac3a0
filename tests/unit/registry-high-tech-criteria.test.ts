import { describe, expect, test } from 'vitest';
import { assessCandidate, criteriaInForce, rdBand, type HighTechCriteria, type YearFigures } from '@/lib/registry/high-tech-criteria';

// The seed row of migration high_tech_criteria: 国科发火〔2016〕32号 第十一条 (money in 万元).
const criteria: HighTechCriteria = {
  documentNo: '国科发火〔2016〕32号',
  title: '高新技术企业认定管理办法',
  source: '第十一条',
  effectiveFrom: '2016-01-01',
  rdShareSmall: 0.05,
  smallBandMax: 5000,
  rdShareMid: 0.04,
  midBandMax: 20000,
  rdShareLarge: 0.03,
  highTechRevenueShare: 0.6,
  rdStaffShare: 0.1,
  minGrantedIp: 1,
  minYearsFounded: 1,
  nearMargin: 0.2,
};
const DAY = '2026-11-15';

/** A firm that meets everything but the figure under test: one year of figures (2025), founded 2020. */
function firm(overrides: Partial<YearFigures> = {}, foundedOn: string | null = '2020-05-01') {
  const revenue = overrides.revenue ?? 3000;
  const figures: YearFigures = { year: 2025, revenue, rdSpending: revenue * 0.08, highTechRevenue: revenue * 0.8, staff: 100, rdStaff: 30, grantedIp: 3, ...overrides };
  return { foundedOn, figures: [figures] };
}
const status = (a: ReturnType<typeof assessCandidate>, key: string) => a.checks.find((c) => c.key === key)!.status;

describe('R&D share bands (第十一条（五）: 5,000 万元（含）以下, 5,000 万元至 2 亿元（含）, 2 亿元以上)', () => {
  test.each([
    [4999.99, 'small', 0.05],
    [5000, 'small', 0.05], // 5,000 万元 itself is in the first band (含)
    [5000.01, 'mid', 0.04],
    [20000, 'mid', 0.04], // 2 亿元 itself is in the middle band (含)
    [20000.01, 'large', 0.03],
  ])('sales %s 万元 → %s band, %s', (revenue, band, share) => expect(rdBand(criteria, revenue)).toEqual({ band, share }));
});

describe('the R&D share at each band’s threshold', () => {
  // Each row: sales, R&D spending, expected status. Exactly at the share meets; a hair under is near; below 80% is short.
  test.each([
    ['exactly 5% of 3,000', 3000, 150, 'met'],
    ['just under 5% of 3,000', 3000, 149.99, 'near'],
    ['exactly 5% of 5,000 (band edge, 含)', 5000, 250, 'met'],
    ['4% of 5,000 is not enough: the edge is in the 5% band', 5000, 200, 'near'],
    ['exactly 4% just above 5,000', 5000.01, 200.0004, 'met'],
    ['just under 4% just above 5,000', 5000.01, 200, 'near'],
    ['exactly 4% of 2 亿 (band edge, 含)', 20000, 800, 'met'],
    ['3% of 2 亿 is not enough: the edge is in the 4% band (and 3% is under 80% of 4%)', 20000, 600, 'short'],
    ['3.5% of 2 亿: under 4%, within the margin', 20000, 700, 'near'],
    ['exactly 3% above 2 亿', 30000, 900, 'met'],
    ['just under 3% above 2 亿', 30000, 899.99, 'near'],
    ['exactly at the near margin (80% of 5%)', 3000, 120, 'near'],
    ['below the near margin', 3000, 119.99, 'short'],
  ])('%s', (_name, revenue, rdSpending, expected) => {
    const a = assessCandidate(criteria, firm({ revenue, rdSpending, highTechRevenue: revenue * 0.8 }), DAY);
    expect(status(a, 'rdShare')).toBe(expected);
  });

  test('three years are summed, and the band is the latest year’s', () => {
    // 2023: 4,000 / 100; 2024: 4,500 / 300; 2025: 6,000 / 240 → 640 / 14,500 = 4.41%, band mid (6,000 > 5,000) → 4%: met.
    const figures = [
      { year: 2023, revenue: 4000, rdSpending: 100, highTechRevenue: 3000, staff: 50, rdStaff: 10, grantedIp: 1 },
      { year: 2024, revenue: 4500, rdSpending: 300, highTechRevenue: 3000, staff: 50, rdStaff: 10, grantedIp: 1 },
      { year: 2025, revenue: 6000, rdSpending: 240, highTechRevenue: 4000, staff: 50, rdStaff: 10, grantedIp: 2 },
      { year: 2022, revenue: 100, rdSpending: 0, highTechRevenue: 0, staff: 5, rdStaff: 0, grantedIp: 0 }, // fourth year back: ignored
    ];
    const a = assessCandidate(criteria, { foundedOn: '2015-01-01', figures }, DAY);
    const rd = a.checks.find((c) => c.key === 'rdShare')!;
    expect(a.band).toBe('mid');
    expect(rd.value).toBeCloseTo(640 / 14500, 12);
    expect(rd.status).toBe('met');
    expect(a.verdict).toBe('eligible');
  });

  test('figures of the year in course are not used (the accounts are not closed)', () => {
    const a = assessCandidate(criteria, { foundedOn: '2015-01-01', figures: [{ year: 2026, revenue: 1000, rdSpending: 100, highTechRevenue: 900, staff: 10, rdStaff: 5, grantedIp: 2 }] }, DAY);
    expect(a.verdict).toBe('unknown');
  });
});

describe('the other thresholds at their boundaries', () => {
  test.each([
    ['high-tech income exactly 60%', { revenue: 1000, rdSpending: 80, highTechRevenue: 600 }, 'highTechShare', 'met'],
    ['high-tech income just under 60%', { revenue: 1000, rdSpending: 80, highTechRevenue: 599.99 }, 'highTechShare', 'near'],
    ['high-tech income at 48% (the near edge)', { revenue: 1000, rdSpending: 80, highTechRevenue: 480 }, 'highTechShare', 'near'],
    ['high-tech income under 48%', { revenue: 1000, rdSpending: 80, highTechRevenue: 479 }, 'highTechShare', 'short'],
    ['R&D staff exactly 10%', { staff: 200, rdStaff: 20 }, 'rdStaffShare', 'met'],
    ['R&D staff just under 10%', { staff: 201, rdStaff: 20 }, 'rdStaffShare', 'near'],
    ['R&D staff under the near edge', { staff: 200, rdStaff: 15 }, 'rdStaffShare', 'short'],
    ['one granted IP is enough', { grantedIp: 1 }, 'ip', 'met'],
    ['no granted IP', { grantedIp: 0 }, 'ip', 'short'],
    ['staff unknown', { staff: null }, 'rdStaffShare', 'unknown'],
    ['no sales: shares unknown', { revenue: null }, 'highTechShare', 'unknown'],
  ] as const)('%s', (_name, overrides, key, expected) => {
    expect(status(assessCandidate(criteria, firm(overrides), DAY), key)).toBe(expected);
  });

  test.each([
    ['registered exactly a year before', '2025-11-15', 'met'],
    ['registered a day less than a year before', '2025-11-16', 'short'],
    ['founding day unknown', null, 'unknown'],
  ])('%s', (_name, foundedOn, expected) => expect(status(assessCandidate(criteria, firm({}, foundedOn), DAY), 'founded')).toBe(expected));
});

describe('the verdict', () => {
  test.each([
    ['everything met → eligible', {}, 'eligible'],
    ['one share near, rest met → near', { rdStaff: 9 }, 'near'],
    ['one short beats near → short', { rdStaff: 9, grantedIp: 0 }, 'short'],
    ['missing figures, nothing short → unknown', { staff: null }, 'unknown'],
    ['missing figures and one short → short', { staff: null, grantedIp: 0 }, 'short'],
  ] as const)('%s', (_name, overrides, verdict) => expect(assessCandidate(criteria, firm(overrides), DAY).verdict).toBe(verdict));
});

describe('the version in force', () => {
  const v2008 = { ...criteria, documentNo: '国科发火〔2008〕172号', effectiveFrom: '2008-01-01', rdShareSmall: 0.06 };
  test.each([
    ['2007-12-31', null],
    ['2008-01-01', '国科发火〔2008〕172号'],
    ['2015-12-31', '国科发火〔2008〕172号'],
    ['2016-01-01', '国科发火〔2016〕32号'],
  ])('on %s', (day, doc) => expect(criteriaInForce([criteria, v2008], day)?.documentNo ?? null).toBe(doc));
});
