// Server only. A month's horse race, with each unit's movement since the month before (each month scored by the
// rule in force then). Readable by every role that sees the dashboards.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { ForbiddenError } from '@/lib/errors';
import { addMonths, type Month } from '@/lib/periods';
import { can } from '@/lib/permissions';
import { ranksOf, scoreLeague, type MonthRanking } from '@/lib/rankings/leagues';
import { getRankingFacts } from '@/lib/queries/rankings/facts';

/** The ranking of one month without movement (what the month before is compared with). */
async function rankMonth(planId: string, month: Month, now: Date, previous: MonthRanking | null): Promise<MonthRanking> {
  const facts = await getRankingFacts(planId, month, now);
  return {
    month,
    rule: facts.rule,
    leagues: facts.leagues.map((league) => scoreLeague(facts.rule, league, previous ? ranksOf(previous, league.key) : new Map())),
  };
}

/** Pure of permission: the bulletin generator and the rankings page both use it (the page checks first). */
export async function computeMonthRanking(planId: string, month: Month, now: Date): Promise<MonthRanking> {
  const before = await rankMonth(planId, addMonths(month, -1), now, null);
  return rankMonth(planId, month, now, before);
}

export async function getMonthRanking(viewer: Actor, params: { planId: string; month: Month }, now: Date): Promise<MonthRanking> {
  if (!can(viewer, 'ranking.view')) throw new ForbiddenError();
  return computeMonthRanking(params.planId, params.month, now);
}
