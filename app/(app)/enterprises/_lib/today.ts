// The registry pages' "today": the CST calendar day of the server clock (APP_FIXED_NOW in demos and tests).
import { systemClock } from '@/lib/clock';
import { dayInChina, type Day } from '@/lib/registry/dates';

export function registryToday(): Day {
  return dayInChina(systemClock());
}
