// npm run demo:seed [-- YYYY-MM]: (re)creates the demo figures up to a month (default: last month).
import { systemActor } from '@/lib/actor';
import { systemClock } from '@/lib/clock';
import { closeDb } from '@/lib/db/client';
import { env } from '@/lib/env';
import { seedDemoAccounts, seedDemoData } from '@/lib/mutations/demo';
import { seedDemoBulletins } from '@/lib/mutations/bulletin/demo';
import { loadPlan } from '@/lib/mutations/plan';
import { seedDemoSupervision } from '@/lib/mutations/supervision/demo';
import { isMonth, lastClosedMonth } from '@/lib/periods';
import { readPlanFile } from '@/lib/plan/read-plan-file';

async function main() {
  const through = process.argv[2] ?? lastClosedMonth(systemClock());
  if (!isMonth(through)) throw new Error(`Not a month (YYYY-MM): ${through}`);
  const plan = readPlanFile(env().PLAN_FILE);
  await loadPlan(systemActor('demo-seed'), plan);
  const { values } = await seedDemoData(systemActor('demo-seed'), plan, through);
  const { bulletins } = await seedDemoBulletins(systemActor('demo-seed'), plan.id, through, systemClock());
  const { created } = await seedDemoAccounts(systemActor('demo-seed'), plan.id);
  const { items } = await seedDemoSupervision(systemActor('demo-seed'), plan.id);
  console.log(`demo data: ${values} values through ${through}, ${bulletins} published bulletins; ${created} demo accounts created; ${items} supervision items`);
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(closeDb);
