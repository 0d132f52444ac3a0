// Pure: completeness and timeliness of a unit's monthly reports over a period, and the reporting rate, which can
// never exceed 100 %: a month counts as expected once its deadline has passed or it has been submitted, and only
// expected months count as submitted.
import type { Month } from '@/lib/periods';
import type { Timeliness } from '@/lib/reporting/deadlines';

export interface MonthRecord {
  month: Month;
  /** Something on the unit's form that month is required. */
  expected: boolean;
  timeliness: Timeliness;
}

export interface ReportingRecord {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  /** submitted / expected, 0–1; null when nothing was expected yet. */
  rate: number | null;
  /** onTime / expected, 0–1; null when nothing was expected yet. */
  onTimeRate: number | null;
}

export function reportingRecord(months: MonthRecord[]): ReportingRecord {
  let expected = 0;
  let onTime = 0;
  let late = 0;
  let missing = 0;
  for (const m of months) {
    if (!m.expected || m.timeliness === 'pending') continue;
    expected++;
    if (m.timeliness === 'on_time') onTime++;
    else if (m.timeliness === 'late') late++;
    else missing++;
  }
  const submitted = onTime + late;
  const ratio = (n: number) => (expected === 0 ? null : Math.min(1, n / expected));
  return { expected, submitted, onTime, late, missing, rate: ratio(submitted), onTimeRate: ratio(onTime) };
}
