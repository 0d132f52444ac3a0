// Server only. Reads of figures as plain DTOs. Dashboards see approved figures; reporters and reviewers may ask for
// pending ones too, and those come back marked.
import 'server-only';
import { getDb } from '@/lib/db/client';
import type { ValueSource, ValueStage, ValueStatus } from '@/lib/generated/prisma/enums';
import type { Month } from '@/lib/periods';

export interface ValuePointDto {
  month: Month;
  value: number;
  status: ValueStatus;
  stage: ValueStage;
  source: ValueSource;
  isDemo: boolean;
}

export interface SeriesOptions {
  asOf: Month;
  includePending: boolean;
}

/** A final figure replaces a provisional one of the same month; pending figures only when asked for. */
function pickPerMonth(rows: (ValuePointDto & { key: string })[]): Map<string, ValuePointDto[]> {
  const best = new Map<string, ValuePointDto & { key: string }>();
  for (const row of rows) {
    const id = `${row.key}|${row.month}`;
    const current = best.get(id);
    if (!current || (current.stage === 'provisional' && row.stage === 'final')) best.set(id, row);
  }
  const series = new Map<string, ValuePointDto[]>();
  for (const { key, ...point } of [...best.values()].sort((a, b) => a.month.localeCompare(b.month))) {
    series.set(key, [...(series.get(key) ?? []), point]);
  }
  return series;
}

const visibleStatuses = (includePending: boolean): ValueStatus[] => (includePending ? ['approved', 'submitted'] : ['approved']);

/** District-wide series of every indicator of a plan, keyed by indicator code, up to and including `asOf`. */
export async function listDistrictSeries(planId: string, regionUnitId: number, options: SeriesOptions): Promise<Map<string, ValuePointDto[]>> {
  const db = await getDb();
  const rows = await db.indicatorValue.findMany({
    where: { unitId: regionUnitId, month: { lte: options.asOf }, status: { in: visibleStatuses(options.includePending) }, indicator: { planId } },
    select: { month: true, value: true, status: true, stage: true, source: true, isDemo: true, indicator: { select: { code: true } } },
  });
  return pickPerMonth(rows.map((r) => ({ key: r.indicator.code, month: r.month, value: Number(r.value), status: r.status, stage: r.stage, source: r.source, isDemo: r.isDemo })));
}

// The demo banner is on every page; demo data changes only when seeded or removed, so the answer is kept for 30 s.
let demoCache: { value: boolean; until: number } | null = null;

export function invalidateDemoCache(): void {
  demoCache = null;
}

export async function hasDemoValues(): Promise<boolean> {
  if (demoCache && demoCache.until > Date.now()) return demoCache.value;
  const db = await getDb();
  const value = (await db.indicatorValue.count({ where: { isDemo: true }, take: 1 })) > 0;
  demoCache = { value, until: Date.now() + 30_000 };
  return value;
}
