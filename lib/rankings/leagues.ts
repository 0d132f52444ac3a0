// Pure: the leagues that compare like with like, and the horse race of one month from plain facts.
import type { Month } from '@/lib/periods';
import { rankScores, type RankedRow } from '@/lib/rankings/rank';
import type { ScoringRule } from '@/lib/rankings/rule';
import { scoreAreaUnit, scoreDepartment, type AreaUnitInput, type DepartmentInput } from '@/lib/rankings/score';

export type LeagueKey = 'towns' | 'parks' | 'departments';
export const LEAGUES: readonly LeagueKey[] = ['towns', 'parks', 'departments'];

/** The plan's group behind each area league (its members are the league). */
export const LEAGUE_GROUPS: Record<Exclude<LeagueKey, 'departments'>, string> = { towns: '各镇街', parks: '各园区管委会' };

export interface LeagueFacts {
  key: LeagueKey;
  /** Ranked indicators this league reports (area leagues); empty for departments. */
  codes: string[];
  areas: AreaUnitInput[];
  departments: DepartmentInput[];
}

export interface LeagueTable {
  key: LeagueKey;
  codes: string[];
  rows: RankedRow[];
}

export interface MonthRanking {
  month: Month;
  rule: ScoringRule;
  leagues: LeagueTable[];
}

export function scoreLeague(rule: ScoringRule, facts: LeagueFacts, previous: ReadonlyMap<number, number>): LeagueTable {
  const codes = facts.codes.filter((c) => rule.indicators.some((i) => i.code === c));
  const scores = facts.key === 'departments' ? facts.departments.map((d) => scoreDepartment(rule, d)) : facts.areas.map((a) => scoreAreaUnit(rule, codes, a));
  return { key: facts.key, codes, rows: rankScores(scores, previous) };
}

/** Ranks per unit of a month's tables, for the next month's movement. */
export function ranksOf(ranking: MonthRanking, key: LeagueKey): Map<number, number> {
  return new Map(ranking.leagues.find((l) => l.key === key)?.rows.map((r) => [r.unitId, r.rank]) ?? []);
}
