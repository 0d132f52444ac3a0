// Server only. What every start does before serving: open (and migrate) the database, load the configured plan file
// (a no-op when unchanged), and in demo mode seed demo data once.
import 'server-only';
import { systemActor } from '@/lib/actor';
import { systemClock, type Clock } from '@/lib/clock';
import { getDatabaseHandle } from '@/lib/db/client';
import { writeBackupToken } from '@/lib/db/backup/online';
import { checkDurability, durabilityWarning } from '@/lib/db/durability';
import { env } from '@/lib/env';
import { getDemoState, seedDemoAccounts, seedDemoData } from '@/lib/mutations/demo';
import { seedDemoBulletins } from '@/lib/mutations/bulletin/demo';
import { countDemoUsers } from '@/lib/queries/security';
import { loadPlan } from '@/lib/mutations/plan';
import { seedDemoSupervision } from '@/lib/mutations/supervision/demo';
import { lastClosedMonth } from '@/lib/periods';
import { readPlanFile } from '@/lib/plan/read-plan-file';

export async function prepareOnStart(options: { clock?: Clock; log?: (m: string) => void; warn?: (m: string) => void; mode?: 'demo' | 'production'; planFile?: string } = {}): Promise<void> {
  const mode = options.mode ?? env().APP_MODE;
  const log = options.log ?? ((m: string) => console.log(`[start] ${m}`));
  const clock = options.clock ?? systemClock;
  const handle = await getDatabaseHandle();
  log(`database: ${handle.description}`);
  // `npm run db:backup` asks this server for an online copy of its embedded folder, proving itself with this token.
  if (handle.kind === 'pglite' && handle.dataDir) writeBackupToken(handle.dataDir);
  const durability = durabilityWarning(await checkDurability(handle.prisma, handle.kind));
  if (durability) (options.warn ?? ((m: string) => console.warn(`[start] ${m}`)))(durability);
  const plan = readPlanFile(options.planFile ?? env().PLAN_FILE);
  const loaded = await loadPlan(systemActor('startup'), plan);
  log(loaded.changed ? `plan ${plan.id} loaded (${loaded.changes.length} changes)` : `plan ${plan.id} unchanged`);
  if (mode === 'demo') {
    const demo = await getDemoState();
    if (!demo) {
      const through = lastClosedMonth(clock());
      const { values } = await seedDemoData(systemActor('startup'), plan, through, clock);
      const { bulletins } = await seedDemoBulletins(systemActor('startup'), plan.id, through, clock());
      const { created } = await seedDemoAccounts(systemActor('startup'), plan.id);
      const { items } = await seedDemoSupervision(systemActor('startup'), plan.id, clock);
      log(`demo data seeded: ${values} values, ${bulletins} published bulletins, ${created} demo accounts, ${items} supervision items (remove with: npm run demo:remove)`);
    }
  } else if ((await countDemoUsers()) > 0) {
    // Demo accounts have published passwords: a production server must not start while they exist.
    throw new Error('APP_MODE=production but demo accounts exist (published passwords). Run `npm run demo:remove` first.');
  }
}
