// Pure: scores into ranks. Equal totals share a rank, explicitly (1, 2, 2, 4: "并列"); movement compares with the
// unit's rank the month before, each month ranked under its own rule.
import type { UnitScore } from '@/lib/rankings/score';

export interface RankedRow extends UnitScore {
  rank: number;
  /** Another unit has the same total. */
  tied: boolean;
  /** Rank last month, or null when the unit was not ranked then. */
  previousRank: number | null;
  /** Places gained since last month (positive = up), null when there is nothing to compare. */
  movement: number | null;
}

export function rankScores(scores: readonly UnitScore[], previous: ReadonlyMap<number, number> = new Map()): RankedRow[] {
  const sorted = [...scores].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'));
  const counts = new Map<number, number>();
  for (const s of sorted) counts.set(s.total, (counts.get(s.total) ?? 0) + 1);
  let rank = 0;
  return sorted.map((s, i) => {
    if (i === 0 || sorted[i - 1].total !== s.total) rank = i + 1;
    const previousRank = previous.get(s.unitId) ?? null;
    return { ...s, rank, tied: (counts.get(s.total) ?? 0) > 1, previousRank, movement: previousRank === null ? null : previousRank - rank };
  });
}

/** The first and last `n` units by rank (ties at the edge included), for the bulletin's 比拼 section. */
export function topAndBottom(rows: readonly RankedRow[], n = 3): { top: RankedRow[]; bottom: RankedRow[] } {
  if (rows.length === 0) return { top: [], bottom: [] };
  const topCut = rows[Math.min(n, rows.length) - 1].rank;
  const top = rows.filter((r) => r.rank <= topCut);
  const rest = rows.filter((r) => !top.includes(r));
  if (rest.length === 0) return { top, bottom: [] };
  const bottomCut = rest[Math.max(0, rest.length - n)].rank;
  return { top, bottom: rest.filter((r) => r.rank >= bottomCut) };
}
