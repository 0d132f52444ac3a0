// Pure: the `?month=YYYY-MM` permalink parameter. Anything else (or a month after the latest closed one) falls back.
import { isMonth, type Month } from '@/lib/periods';

export function resolveMonthParam(param: string | string[] | undefined, latest: Month): Month {
  const value = Array.isArray(param) ? param[0] : param;
  return value && isMonth(value) && value <= latest ? value : latest;
}
