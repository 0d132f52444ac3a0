// Bulletin benchmark (issue 12): generating one month's 月通报 from the demo data (every indicator since 2023-01, all
// towns and parks), in process, on a fresh in-memory embedded database, or on PostgreSQL with BENCH_DATABASE_URL (a
// fresh schema, dropped afterwards). Prints the median and the worst of BENCH_RUNS generations (default 10) after one
// warm-up. Usage: npx tsx bench/bulletin.ts
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { systemActor } from '@/lib/actor';
import { closeDb, installDatabase, openDatabase, parsePostgresUrl } from '@/lib/db/client';
import { seedDemoData } from '@/lib/mutations/demo';
import { seedDemoBulletins } from '@/lib/mutations/bulletin/demo';
import { loadPlan } from '@/lib/mutations/plan';
import { generateBulletinContent } from '@/lib/queries/bulletin/generate';
import { readPlanFile } from '@/lib/plan/read-plan-file';

const RUNS = Number(process.env.BENCH_RUNS || 10);
const MONTH = process.env.BENCH_MONTH || '2026-09';
const NOW = new Date('2026-11-20T02:00:00Z');

async function main() {
  const url = process.env.BENCH_DATABASE_URL;
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const handle = url ? await openDatabase({ kind: 'postgres', url, schema }) : await openDatabase({ kind: 'pglite' });
  installDatabase(handle);
  const plan = readPlanFile(path.resolve(__dirname, '../prisma/plans/beibei-2023-2027.json'));
  await loadPlan(systemActor('bench'), plan);
  await seedDemoData(systemActor('bench'), plan, '2026-10');
  await seedDemoBulletins(systemActor('bench'), plan.id, '2026-10', NOW);
  await generateBulletinContent(MONTH, NOW);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await generateBulletinContent(MONTH, NOW);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`bulletin ${MONTH} on ${url ? 'PostgreSQL' : 'embedded PGlite'}: median ${times[Math.floor(times.length / 2)].toFixed(0)} ms, worst ${times.at(-1)!.toFixed(0)} ms (${RUNS} runs)`);
  await closeDb();
  if (url) {
    const client = new pg.Client({ connectionString: parsePostgresUrl(url).connectionString });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
