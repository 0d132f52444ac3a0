// Server only. What the bureau's month views share: the plan structure, settings and lagged figures' state, and
// whether a unit was expected to report a month.
import 'server-only';
import { getDb } from '@/lib/db/client';
import {
  buildFormDefinition,
  loadFirstReportingMonth,
  loadLaggedStates,
  loadReportingSettings,
} from '@/lib/mutations/reporting/form-store';
import { getPlanStructure, type PlanStructure } from '@/lib/mutations/reporting/plan-structure';
import type { Month } from '@/lib/periods';
import { isExpected } from '@/lib/reporting/expected';
import type { ReportingSettings } from '@/lib/reporting/settings';

export interface MonthContext {
  structure: PlanStructure;
  settings: ReportingSettings;
  lagged: Awaited<ReturnType<typeof loadLaggedStates>>;
  /** null: reporting has not started, nothing is expected yet. */
  firstMonth: Month | null;
}

export async function monthContext(planId: string): Promise<MonthContext> {
  const db = await getDb();
  const structure = await getPlanStructure(db, planId);
  const [settings, lagged] = await Promise.all([loadReportingSettings(db), loadLaggedStates(db, structure)]);
  return { structure, settings, lagged, firstMonth: await loadFirstReportingMonth(db, structure, settings) };
}

export function expectedOf(ctx: MonthContext, unitId: number, month: Month): boolean {
  if (ctx.firstMonth === null || month < ctx.firstMonth) return false;
  const def = buildFormDefinition(ctx.structure, unitId, month, ctx.lagged.get(unitId) ?? []);
  return isExpected(def.items, def.tasks);
}

export function reportingUnits(structure: PlanStructure) {
  return [...structure.units.values()].filter((u) => u.kind !== 'region');
}
