// npm run demo:remove: deletes every demo figure (and demo account); later starts do not seed them again.
import { systemActor } from '@/lib/actor';
import { closeDb } from '@/lib/db/client';
import { removeDemoData } from '@/lib/mutations/demo';

removeDemoData(systemActor('demo-remove'))
  .then(({ values, accounts }) => console.log(`demo data removed: ${values} values, ${accounts} demo accounts`))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(closeDb);
