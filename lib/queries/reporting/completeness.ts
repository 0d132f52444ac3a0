// Server only. Reporting completeness and timeliness over a year: a unit's record (months expected, submitted, on
// time, late, missing, and the reporting rate) and the bureau's table of every unit.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { systemClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { makeMonth, monthOf, monthRange, parseMonth, type Month } from '@/lib/periods';
import { assertCanViewAll } from '@/lib/queries/reporting/access';
import { expectedOf, monthContext, reportingUnits, type MonthContext } from '@/lib/queries/reporting/month-context';
import { effectiveClosesAt, timeliness, type Timeliness } from '@/lib/reporting/deadlines';
import { reportingRecord, type ReportingRecord } from '@/lib/reporting/rate';

export interface UnitYearDto extends ReportingRecord {
  unit: { id: number; name: string };
  months: { month: Month; expected: boolean; timeliness: Timeliness }[];
}

/** Months of a year that can be judged at `now`: within the plan, from the first reporting month, already open. */
function yearMonths(ctx: MonthContext, year: number, now: Date): Month[] {
  if (ctx.firstMonth === null) return [];
  const from = [makeMonth(year, 1), ctx.firstMonth].sort().at(-1)!;
  const to = [makeMonth(year, 12), makeMonth(ctx.structure.periodEnd, 12), monthOf(now)].sort()[0];
  return monthRange(from, to).filter((m) => parseMonth(m).year >= ctx.structure.periodStart);
}

async function unitYears(ctx: MonthContext, unitIds: number[], year: number, now: Date): Promise<UnitYearDto[]> {
  const db = await getDb();
  const months = yearMonths(ctx, year, now);
  const submissions = months.length
    ? await db.submission.findMany({
        where: { unitId: { in: unitIds }, month: { in: months } },
        select: { unitId: true, month: true, firstSubmittedAt: true, extendedUntil: true },
      })
    : [];
  const byKey = new Map(submissions.map((s) => [`${s.unitId}|${s.month}`, s]));
  return unitIds.map((unitId) => {
    const records = months.map((month) => {
      const s = byKey.get(`${unitId}|${month}`);
      const closesAt = effectiveClosesAt({
        month,
        dueDay: ctx.settings.dueDay,
        extendedUntil: s?.extendedUntil ?? null,
      });
      return {
        month,
        expected: expectedOf(ctx, unitId, month),
        timeliness: timeliness(now, closesAt, s?.firstSubmittedAt ?? null),
      };
    });
    return {
      unit: { id: unitId, name: ctx.structure.units.get(unitId)?.name ?? '' },
      months: records,
      ...reportingRecord(records),
    };
  });
}

/**
 * A unit's reporting over a year: months expected (deadline passed, or submitted early), submitted, on time, late,
 * missing, and the reporting rate (submitted / expected, never above 100 %; null when nothing was expected yet).
 */
export async function getReportingRecord(
  planId: string,
  unitId: number,
  year: number,
  clock: Clock = systemClock,
): Promise<ReportingRecord & { missingMonths: Month[] }> {
  const ctx = await monthContext(planId);
  if (!ctx.structure.units.has(unitId)) throw new NotFoundError('单位不存在', 'No such unit');
  const [row] = await unitYears(ctx, [unitId], year, clock());
  const { unit: _unit, months, ...record } = row;
  // Overdue reports: months whose deadline has passed with nothing submitted.
  return { ...record, missingMonths: months.filter((m) => m.expected && m.timeliness === 'missing').map((m) => m.month) };
}

/** Every reporting unit's record for a year, with the month-by-month detail (for the bureau's completeness table). */
export async function listReportingRecords(
  viewer: Actor,
  params: { planId: string; year: number },
  clock: Clock = systemClock,
): Promise<UnitYearDto[]> {
  assertCanViewAll(viewer);
  const ctx = await monthContext(params.planId);
  const now = clock();
  const units = reportingUnits(ctx.structure).map((u) => u.id);
  const rows = await unitYears(ctx, units, params.year, now);
  return rows.filter((r) => r.months.some((m) => m.expected));
}
