// npm run plan:load -- <file>: validates a district plan file and loads it (idempotent; changes are audited).
import { systemActor } from '@/lib/actor';
import { closeDb, getDatabaseHandle } from '@/lib/db/client';
import { env } from '@/lib/env';
import { loadPlan } from '@/lib/mutations/plan';
import { PlanFileError, readPlanFile } from '@/lib/plan/read-plan-file';

async function main() {
  const file = process.argv[2] ?? env().PLAN_FILE;
  const plan = readPlanFile(file);
  const handle = await getDatabaseHandle();
  const result = await loadPlan(systemActor('plan-load'), plan);
  console.log(`${handle.description}: plan ${result.planId} ${result.changed ? `loaded, ${result.changes.length} changes` : 'unchanged'}`);
  for (const change of result.changes) console.log(`  changed: ${change}`);
}

main()
  .catch((error) => {
    console.error(error instanceof PlanFileError ? error.message : error);
    process.exitCode = 1;
  })
  .finally(closeDb);
