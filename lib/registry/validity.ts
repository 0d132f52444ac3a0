// Pure: when a qualification is in force, and the monthly count rule built on it. No I/O.
import type { Month } from '@/lib/periods';
import { addDays, addYears, lastDayOfMonth, type Day } from '@/lib/registry/dates';

export type QualificationKind = 'tech_sme' | 'high_tech' | 'specialised' | 'little_giant' | 'cultivation' | 'ipo_reserve' | 'rd_institution' | 'listed';

export const qualificationKinds: readonly QualificationKind[] = ['tech_sme', 'high_tech', 'specialised', 'little_giant', 'cultivation', 'ipo_reserve', 'rd_institution', 'listed'];

/** A qualification's span, as days. */
export interface Span {
  validFrom: Day;
  /** Last day in force (inclusive); null: open-ended. */
  validUntil: Day | null;
  /** Ended early: in force up to the day before. */
  endedOn: Day | null;
}

/** 高新技术企业 certificates are valid for three years from the issue date: the last day is the day before the third anniversary. */
export function highTechExpiry(issuedOn: Day): Day {
  return addDays(addYears(issuedOn, 3), -1);
}

/** 科技型企业 registration holds for its calendar year. */
export function techSmeSpan(year: number, registeredOn: Day, endedOn: Day | null = null): Span {
  return { validFrom: registeredOn, validUntil: `${year}-12-31`, endedOn };
}

export function isInForce(span: Span, day: Day): boolean {
  if (span.validFrom > day) return false;
  if (span.validUntil !== null && span.validUntil < day) return false;
  if (span.endedOn !== null && span.endedOn <= day) return false;
  return true;
}

/** The last day a span is in force, or null when open-ended. */
export function lastDayInForce(span: Span): Day | null {
  const ended = span.endedOn === null ? null : addDays(span.endedOn, -1);
  if (span.validUntil === null) return ended;
  if (ended === null) return span.validUntil;
  return ended < span.validUntil ? ended : span.validUntil;
}

export interface CountableFirm {
  id: number;
  townUnitId: number | null;
  parkUnitId: number | null;
  qualifications: (Span & { kind: QualificationKind })[];
}

/**
 * The month's count rule: a firm counts for a kind when one of its qualifications of that kind is in force on the
 * month's last day (national high-tech: the certificate is valid that day; tech SMEs: registered for that year by then).
 * A firm counts once, however many rows it has.
 */
export function holdsOn(firm: CountableFirm, kind: QualificationKind, day: Day): boolean {
  return firm.qualifications.some((q) => q.kind === kind && isInForce(q, day));
}

export interface MonthlyCount {
  month: Month;
  total: number;
  byTown: Map<number, number>;
  byPark: Map<number, number>;
}

export function countForMonth(firms: readonly CountableFirm[], kind: QualificationKind, month: Month): MonthlyCount {
  const day = lastDayOfMonth(month);
  const byTown = new Map<number, number>();
  const byPark = new Map<number, number>();
  let total = 0;
  for (const firm of firms) {
    if (!holdsOn(firm, kind, day)) continue;
    total += 1;
    if (firm.townUnitId !== null) byTown.set(firm.townUnitId, (byTown.get(firm.townUnitId) ?? 0) + 1);
    if (firm.parkUnitId !== null) byPark.set(firm.parkUnitId, (byPark.get(firm.parkUnitId) ?? 0) + 1);
  }
  return { month, total, byTown, byPark };
}

export function countSeries(firms: readonly CountableFirm[], kind: QualificationKind, months: readonly Month[]): MonthlyCount[] {
  return months.map((m) => countForMonth(firms, kind, m));
}

/** The span a qualification gets from its kind: certificates run three years, registrations a calendar year, list
 * entries until they are ended. */
export function spanFor(kind: QualificationKind, year: number, validFrom: Day): Span {
  switch (kind) {
    case 'high_tech':
    case 'specialised':
    case 'little_giant':
      return { validFrom, validUntil: highTechExpiry(validFrom), endedOn: null };
    case 'tech_sme':
      return techSmeSpan(year, validFrom);
    default:
      return { validFrom, validUntil: null, endedOn: null };
  }
}
