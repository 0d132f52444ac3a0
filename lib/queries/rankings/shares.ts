// Server only. Every function takes the viewer first. 任务分解 as the pages show it: the bureau's grid (each town's
// and park's share of a district milestone, the sum against the district target and the gap) and one unit's own
// figures against its shares. A share "in force" for a month is the latest row whose effectiveFrom is not after it.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { ForbiddenError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { can } from '@/lib/permissions';
import type { Month } from '@/lib/periods';

type Db = Prisma.TransactionClient;
interface ShareRow {
  id: number;
  unitId: number;
  year: number;
  effectiveFrom: string;
  value: Prisma.Decimal | number;
  version: number;
}

/** The share in force at `month` among one cell's rows (indicator × unit × year). */
export function shareInForce<T extends { effectiveFrom: string }>(rows: readonly T[], month: Month): T | null {
  return rows.filter((r) => r.effectiveFrom <= month).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0] ?? null;
}

/**
 * The concurrency token of one cell: every row's id and version. Any write to the cell (a new effective month, or a
 * replaced value) changes it, so a grid saved over a cell someone changed since it was opened conflicts.
 */
export function cellToken(rows: readonly { id: number; version: number }[]): string {
  return [...rows].sort((a, b) => a.id - b.id).map((r) => `${r.id}.${r.version}`).join(',');
}

export async function loadCellRows(db: Db, indicatorId: number, unitIds: number[]): Promise<ShareRow[]> {
  return db.targetShare.findMany({ where: { indicatorId, unitId: { in: unitIds } }, select: { id: true, unitId: true, year: true, effectiveFrom: true, value: true, version: true } });
}

export interface ShareGridCell {
  year: number;
  value: number | null;
  effectiveFrom: string | null;
  /** Rows of this cell effective after the grid's month (scheduled changes), shown so nobody is surprised. */
  later: { effectiveFrom: string; value: number }[];
  token: string;
}

export interface ShareGridDto {
  indicators: { code: string; name: string; nameEn: string; unit: string }[];
  indicator: { code: string; name: string; nameEn: string; unit: string } | null;
  years: { year: number; target: number; text: string }[];
  /**
   * Each breakdown group (镇街, 园区) splits the whole district target on its own — a park lies within towns — so each
   * group has its own totals: per milestone year, the sum of its shares in force and the difference from the district
   * target (sum − target), and how many of its units have no share.
   */
  groups: { name: string; rows: { unitId: number; name: string; cells: ShareGridCell[] }[]; totals: ShareGridTotal[] }[];
}

export interface ShareGridTotal {
  year: number;
  sum: number;
  target: number;
  difference: number;
  missing: number;
}

/** The bureau's grid of an indicator's shares as in force at `month` (the first indicator with a breakdown by default). */
export async function getShareGrid(viewer: Actor, params: { planId: string; indicatorCode?: string; month: Month }): Promise<ShareGridDto> {
  if (!can(viewer, 'target.decompose')) throw new ForbiddenError();
  const db = (await getDb()) as unknown as Db;
  const indicators = await db.indicator.findMany({
    where: { planId: params.planId, breakdowns: { some: {} } },
    orderBy: { position: 'asc' },
    select: { id: true, code: true, name: true, nameEn: true, unit: true },
  });
  const chosen = indicators.find((i) => i.code === params.indicatorCode) ?? indicators[0] ?? null;
  const list = indicators.map(({ code, name, nameEn, unit }) => ({ code, name, nameEn, unit }));
  if (!chosen) return { indicators: list, indicator: null, years: [], groups: [] };
  const [milestones, breakdowns] = await Promise.all([
    db.milestone.findMany({ where: { indicatorId: chosen.id }, orderBy: { year: 'asc' }, select: { year: true, value: true, text: true } }),
    db.indicatorBreakdown.findMany({
      where: { indicatorId: chosen.id },
      orderBy: { group: { position: 'asc' } },
      include: { group: { include: { members: { orderBy: { position: 'asc' }, include: { unit: { select: { id: true, name: true } } } } } } },
    }),
  ]);
  const unitIds = breakdowns.flatMap((b) => b.group.members.map((m) => m.unit.id));
  const rows = await loadCellRows(db, chosen.id, unitIds);
  const years = milestones.map((m) => ({ year: m.year, target: Number(m.value), text: m.text }));
  const cellOf = (unitId: number, year: number): ShareGridCell => {
    const own = rows.filter((r) => r.unitId === unitId && r.year === year);
    const inForce = shareInForce(own, params.month);
    return {
      year,
      value: inForce ? Number(inForce.value) : null,
      effectiveFrom: inForce?.effectiveFrom ?? null,
      later: own.filter((r) => r.effectiveFrom > params.month).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)).map((r) => ({ effectiveFrom: r.effectiveFrom, value: Number(r.value) })),
      token: cellToken(own),
    };
  };
  const groups = breakdowns.map((b) => {
    const rows = b.group.members.map((m) => ({ unitId: m.unit.id, name: m.unit.name, cells: years.map((y) => cellOf(m.unit.id, y.year)) }));
    const totals = years.map((y, i) => {
      const cells = rows.map((r) => r.cells[i]);
      const sum = cells.reduce((s, c) => s + (c.value ?? 0), 0);
      return { year: y.year, sum, target: y.target, difference: sum - y.target, missing: cells.filter((c) => c.value === null).length };
    });
    return { name: b.group.name, rows, totals };
  });
  const pick = ({ code, name, nameEn, unit }: (typeof indicators)[number]) => ({ code, name, nameEn, unit });
  return { indicators: list, indicator: pick(chosen), years, groups };
}

export interface UnitShareDto {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  /** The unit's latest approved figure up to the month, and its month. */
  value: number | null;
  valueMonth: string | null;
  shares: { year: number; share: number; effectiveFrom: string; completion: number | null }[];
}

/** One unit's latest approved figure on each indicator it has a share of, against each milestone share in force. */
export async function listUnitShares(viewer: Actor, params: { unitId: number; month: Month }): Promise<UnitShareDto[]> {
  if (!can(viewer, 'dashboard.view')) throw new ForbiddenError();
  const db = (await getDb()) as unknown as Db;
  const rows = await db.targetShare.findMany({
    where: { unitId: params.unitId, effectiveFrom: { lte: params.month } },
    select: { id: true, indicatorId: true, unitId: true, year: true, effectiveFrom: true, value: true, version: true, indicator: { select: { code: true, name: true, nameEn: true, unit: true, position: true } } },
  });
  const indicatorIds = [...new Set(rows.map((r) => r.indicatorId))];
  if (indicatorIds.length === 0) return [];
  const values = await db.indicatorValue.findMany({
    where: { unitId: params.unitId, indicatorId: { in: indicatorIds }, status: 'approved', month: { lte: params.month } },
    orderBy: { month: 'desc' },
    select: { indicatorId: true, month: true, stage: true, value: true },
  });
  const out: (UnitShareDto & { position: number })[] = [];
  for (const indicatorId of indicatorIds) {
    const own = rows.filter((r) => r.indicatorId === indicatorId);
    const ind = own[0].indicator;
    const latestMonth = values.find((v) => v.indicatorId === indicatorId)?.month;
    const ofMonth = values.filter((v) => v.indicatorId === indicatorId && v.month === latestMonth);
    const figure = ofMonth.find((v) => v.stage === 'final') ?? ofMonth[0];
    const value = figure ? Number(figure.value) : null;
    const shares = [...new Set(own.map((r) => r.year))]
      .sort((a, b) => a - b)
      .map((year) => {
        const inForce = shareInForce(own.filter((r) => r.year === year), params.month)!;
        const share = Number(inForce.value);
        return { year, share, effectiveFrom: inForce.effectiveFrom, completion: value === null || share <= 0 ? null : value / share };
      });
    out.push({ code: ind.code, name: ind.name, nameEn: ind.nameEn, unit: ind.unit, value, valueMonth: latestMonth ?? null, shares, position: ind.position });
  }
  return out.sort((a, b) => a.position - b.position).map(({ position: _position, ...rest }) => rest);
}
