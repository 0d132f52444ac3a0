// npm run notices:sweep: one notice sweep (due/overdue supervision notices of the day, webhook retries that are due),
// for cron beside or instead of the in-process scheduler. Safe to run at any time and as often as wanted.
import { closeDb } from '@/lib/db/client';
import { runNoticeSweep } from '@/lib/mutations/notices/sweep';

runNoticeSweep()
  .then(({ notices, deliveries }) => {
    const failed = deliveries.filter((d) => d.status === 'failed').length;
    const delivered = deliveries.filter((d) => d.status === 'delivered').length;
    console.log(`notices:sweep: ${notices.length} due/overdue notices written; ${deliveries.length} deliveries attempted (${delivered} delivered, ${failed} given up)`);
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(closeDb);
