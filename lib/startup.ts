// Server only. What every start does before serving: open (and migrate) the database, load the configured plan file
// (a no-op when unchanged), and in demo mode seed demo data once.
import { systemActor } from '@/lib/actor';
import { systemClock, type Clock } from '@/lib/clock';
import { getDatabaseHandle } from '@/lib/db/client';
import { env } from '@/lib/env';
import { getDemoState, seedDemoData } from '@/lib/mutations/demo';
import { loadPlan } from '@/lib/mutations/plan';
import { lastClosedMonth } from '@/lib/periods';
import { readPlanFile } from '@/lib/plan/read-plan-file';

export async function prepareOnStart(options: { clock?: Clock; log?: (m: string) => void } = {}): Promise<void> {
  const log = options.log ?? ((m: string) => console.log(`[start] ${m}`));
  const clock = options.clock ?? systemClock;
  const handle = await getDatabaseHandle();
  log(`database: ${handle.description}`);
  const plan = readPlanFile(env().PLAN_FILE);
  const loaded = await loadPlan(systemActor('startup'), plan);
  log(loaded.changed ? `plan ${plan.id} loaded (${loaded.changes.length} changes)` : `plan ${plan.id} unchanged`);
  if (env().APP_MODE === 'demo') {
    const demo = await getDemoState();
    if (!demo) {
      const { values } = await seedDemoData(systemActor('startup'), plan, lastClosedMonth(clock()));
      log(`demo data seeded: ${values} values (remove with: npm run demo:remove)`);
    }
  }
}
