// Pure: the 高新技术企业认定 thresholds (《高新技术企业认定管理办法》第十一条) applied to a firm's registry figures. The
// thresholds are data (table HighTechCriteria, one row per published version); this file only reads them. No I/O.
import { addYears, type Day } from '@/lib/registry/dates';

export interface HighTechCriteria {
  documentNo: string;
  title: string;
  source: string;
  effectiveFrom: Day;
  /** R&D share for sales up to and including smallBandMax (万元). */
  rdShareSmall: number;
  smallBandMax: number;
  /** Above smallBandMax, up to and including midBandMax (万元). */
  rdShareMid: number;
  midBandMax: number;
  /** Above midBandMax. */
  rdShareLarge: number;
  highTechRevenueShare: number;
  rdStaffShare: number;
  minGrantedIp: number;
  minYearsFounded: number;
  /** An unmet share within this fraction of its threshold is "near". */
  nearMargin: number;
}

/** One year's figures as the registry holds them (money in 万元). */
export interface YearFigures {
  year: number;
  revenue: number | null;
  rdSpending: number | null;
  highTechRevenue: number | null;
  staff: number | null;
  rdStaff: number | null;
  grantedIp: number | null;
}

export type CheckStatus = 'met' | 'near' | 'short' | 'unknown';
export type CheckKey = 'founded' | 'ip' | 'rdShare' | 'highTechShare' | 'rdStaffShare';
export type Verdict = 'eligible' | 'near' | 'short' | 'unknown';

export interface CriterionCheck {
  key: CheckKey;
  status: CheckStatus;
  /** The firm's value (a share as a fraction, a count, years), null when the registry lacks the figures. */
  value: number | null;
  threshold: number;
}

export interface CandidateAssessment {
  verdict: Verdict;
  checks: CriterionCheck[];
  /** The sales band the R&D share was judged in, by the latest year's sales. */
  band: 'small' | 'mid' | 'large' | null;
  /** Smallest value ÷ threshold over the share checks (1 or more: all met); orders the visit list. */
  closeness: number | null;
}

/** The version in force on a day: the latest effectiveFrom not after it. */
export function criteriaInForce(versions: readonly HighTechCriteria[], day: Day): HighTechCriteria | null {
  return versions.filter((v) => v.effectiveFrom <= day).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0] ?? null;
}

/** 第十一条（五）: 5,000 万元（含）以下 → small; 5,000 万元至 2 亿元（含）→ mid; 2 亿元以上 → large. */
export function rdBand(criteria: HighTechCriteria, latestRevenue: number): { band: 'small' | 'mid' | 'large'; share: number } {
  if (latestRevenue <= criteria.smallBandMax) return { band: 'small', share: criteria.rdShareSmall };
  if (latestRevenue <= criteria.midBandMax) return { band: 'mid', share: criteria.rdShareMid };
  return { band: 'large', share: criteria.rdShareLarge };
}

// Shares are compared with a tolerance far below any figure's precision, so exactly 5% is 5% whatever binary floating
// point makes of 250 ÷ 5000.
const EPS = 1e-9;

function shareCheck(key: CheckKey, numerator: number | null, denominator: number | null, threshold: number, margin: number): CriterionCheck {
  if (numerator === null || denominator === null || denominator <= 0) return { key, status: 'unknown', value: null, threshold };
  const value = numerator / denominator;
  const status: CheckStatus = value >= threshold - EPS ? 'met' : value >= threshold * (1 - margin) - EPS ? 'near' : 'short';
  return { key, status, value, threshold };
}

/**
 * Judges a firm against the criteria on a day. Checked: registered a year (一), owns IP (二), 科技人员 share (四),
 * R&D share over the last three accounting years by the latest year's sales band (五), 高新技术产品 income share in
 * the latest year (六). Not checkable from the registry, so left to the visit: the technology field (三), the
 * innovation score (七), no serious incident (八). The figures used are the latest three years before `day`'s year.
 */
export function assessCandidate(criteria: HighTechCriteria, firm: { foundedOn: Day | null; figures: readonly YearFigures[] }, day: Day): CandidateAssessment {
  const thisYear = Number(day.slice(0, 4));
  const years = firm.figures.filter((f) => f.year < thisYear).sort((a, b) => b.year - a.year);
  const latest = years[0] ?? null;
  const three = years.filter((f) => latest && f.year > latest.year - 3);
  const margin = criteria.nearMargin;
  const checks: CriterionCheck[] = [];

  if (firm.foundedOn === null) checks.push({ key: 'founded', status: 'unknown', value: null, threshold: criteria.minYearsFounded });
  else checks.push({ key: 'founded', status: addYears(firm.foundedOn, criteria.minYearsFounded) <= day ? 'met' : 'short', value: null, threshold: criteria.minYearsFounded });

  const ip = latest?.grantedIp ?? null;
  checks.push({ key: 'ip', status: ip === null ? 'unknown' : ip >= criteria.minGrantedIp ? 'met' : 'short', value: ip, threshold: criteria.minGrantedIp });

  let band: CandidateAssessment['band'] = null;
  const sales = three.every((f) => f.revenue !== null && f.rdSpending !== null) && three.length > 0;
  if (latest && latest.revenue !== null && sales) {
    const b = rdBand(criteria, latest.revenue);
    band = b.band;
    const rd = three.reduce((s, f) => s + f.rdSpending!, 0);
    const revenue = three.reduce((s, f) => s + f.revenue!, 0);
    checks.push(shareCheck('rdShare', rd, revenue, b.share, margin));
  } else {
    checks.push({ key: 'rdShare', status: 'unknown', value: null, threshold: criteria.rdShareSmall });
  }
  checks.push(shareCheck('highTechShare', latest?.highTechRevenue ?? null, latest?.revenue ?? null, criteria.highTechRevenueShare, margin));
  checks.push(shareCheck('rdStaffShare', latest?.rdStaff ?? null, latest?.staff ?? null, criteria.rdStaffShare, margin));

  const statuses = new Set(checks.map((c) => c.status));
  const verdict: Verdict = statuses.has('short') ? 'short' : statuses.has('unknown') ? 'unknown' : statuses.has('near') ? 'near' : 'eligible';
  const ratios = checks.filter((c) => c.value !== null && (c.key === 'rdShare' || c.key === 'highTechShare' || c.key === 'rdStaffShare')).map((c) => c.value! / c.threshold);
  return { verdict, checks, band, closeness: ratios.length === 3 ? Math.min(...ratios) : null };
}
