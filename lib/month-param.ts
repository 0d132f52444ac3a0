// Pure: the `?month=YYYY-MM` permalink parameter. Anything else, a month after the latest closed one or before the
// plan's period falls back to the latest month, and says why, so the page can tell the reader it is not what was asked.
import { isMonth, type Month } from '@/lib/periods';

export type MonthParamProblem = 'invalid' | 'future' | 'before_plan';

export interface ResolvedMonth {
  month: Month;
  /** What was asked for, when it was not usable (shown back to the reader). */
  requested: string | null;
  problem: MonthParamProblem | null;
}

export function readMonthParam(param: string | string[] | undefined, latest: Month, earliest?: Month): ResolvedMonth {
  const value = Array.isArray(param) ? param[0] : param;
  if (value === undefined || value === '') return { month: latest, requested: null, problem: null };
  const problem: MonthParamProblem | null = !isMonth(value) ? 'invalid' : value > latest ? 'future' : earliest && value < earliest ? 'before_plan' : null;
  return problem ? { month: latest, requested: value.slice(0, 40), problem } : { month: value, requested: null, problem: null };
}

export function resolveMonthParam(param: string | string[] | undefined, latest: Month): Month {
  return readMonthParam(param, latest).month;
}
