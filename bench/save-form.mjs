// Benchmark: p95 time to save a unit's monthly form with 20 reporters saving at once.
//
// For now this calls the domain function (saveDraft) directly against a real PostgreSQL: the HTTP routes and pages
// come later, and the lead will switch this to HTTP then. Each round, 20 reporters of 20 different units save their
// whole month at once (every figure and every task changed: the worst case); the first round is a warm-up.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test npx tsx --conditions=react-server bench/save-form.mjs [rounds=30] [concurrency=20]
//
// A schema of its own is created and dropped (bench_<pid>): the database's other data is not touched.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { fixedClock } from '@/lib/clock';
import { closeDb, getDb, installDatabase, openDatabase, parsePostgresUrl } from '@/lib/db/client';
import { systemActor } from '@/lib/actor';
import { loadPlan } from '@/lib/mutations/plan';
import { saveDraft } from '@/lib/mutations/reporting/entry';
import { getReportForm } from '@/lib/queries/reporting/form';
import { readPlanFile } from '@/lib/plan/read-plan-file';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to a PostgreSQL database (the bench creates and drops a schema of its own).');
  process.exit(2);
}
const rounds = Number(process.argv[2] ?? 30);
const concurrency = Number(process.argv[3] ?? 20);
const MONTH = '2026-03';
const clock = fixedClock('2026-04-02T02:00:00Z');
const schema = `bench_${process.pid}`;

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function figure(item, indicator, round, i) {
  if (indicator.unit === '位') return String(1 + ((round + i) % 3));
  if (indicator.unit === '%') return (40 + ((round * 7 + i) % 50) + (indicator.decimals ? 0.5 : 0)).toFixed(indicator.decimals);
  const base = 100 + i * 3 + round;
  return indicator.decimals ? (base + 0.25).toFixed(indicator.decimals) : String(base);
}

async function main() {
  const handle = await openDatabase({ kind: 'postgres', url, schema });
  installDatabase(handle);
  try {
    const db = await getDb();
    await loadPlan(systemActor('bench'), readPlanFile('prisma/plans/beibei-2023-2027.json'));
    const plan = await db.plan.findFirstOrThrow();
    const units = await db.unit.findMany({ where: { planId: plan.id, kind: { not: 'region' } }, orderBy: { position: 'asc' } });

    // The units with the largest forms first (every unit with figures or lead tasks, then towns with notes).
    const candidates = [];
    for (const unit of units) {
      const user = await db.user.create({ data: { username: `bench_${unit.id}`, displayName: `压测 ${unit.name}`, passwordHash: 'bench', roles: ['unit_reporter'], unitId: unit.id } });
      const actor = { userId: user.id, username: user.username, roles: ['unit_reporter'], unitId: unit.id, sessionId: null, ip: null };
      const form = await getReportForm(actor, { month: MONTH }, clock);
      const size = form.indicators.reduce((n, i) => n + i.items.length, 0) + form.tasks.length;
      candidates.push({ unit, actor, form, size });
    }
    candidates.sort((a, b) => b.size - a.size);
    const reporters = candidates.slice(0, concurrency);
    const versions = new Map(reporters.map((r) => [r.unit.id, { values: {}, tasks: {} }]));

    const inputFor = (r, round) => {
      const v = versions.get(r.unit.id);
      const values = {};
      let i = 0;
      for (const ind of r.form.indicators) for (const item of ind.items) values[item.key] = { value: figure(item, ind, round, i++), version: v.values[item.key] ?? 0, comment: `第${round}轮` };
      const tasks = {};
      for (const t of r.form.tasks) {
        tasks[t.id] = t.role === 'lead'
          ? { progress: round % 2 ? 'on_track' : 'behind', narrative: `第${round}轮：完成企业走访 ${round} 家，问题与措施……`, version: v.tasks[t.id] ?? 0 }
          : { note: `第${round}轮配合情况`, version: v.tasks[t.id] ?? 0 };
      }
      return { month: MONTH, values, tasks };
    };

    const latencies = [];
    let failures = 0;
    const started = performance.now();
    for (let round = 0; round <= rounds; round++) {
      await Promise.all(
        reporters.map(async (r) => {
          const t0 = performance.now();
          try {
            const result = await saveDraft(r.actor, inputFor(r, round), clock);
            const v = versions.get(r.unit.id);
            for (const [key, x] of Object.entries(result.values)) v.values[key] = x.version;
            for (const [id, x] of Object.entries(result.tasks)) v.tasks[id] = x.version;
            if (round > 0) latencies.push(performance.now() - t0);
          } catch (error) {
            failures++;
            console.error(`round ${round} ${r.unit.name}:`, error instanceof Error ? error.message : error);
          }
        }),
      );
    }
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const sizes = reporters.map((r) => r.size);
    const figures = reporters.reduce((n, r) => n + r.form.indicators.reduce((m, i) => m + i.items.length, 0), 0);
    const ms = (x) => `${x.toFixed(0)} ms`;
    console.log(`save-form: saveDraft called directly (no HTTP yet), PostgreSQL ${new URL(url).host}, schema ${schema}`);
    console.log(`  ${reporters.length} reporters of ${reporters.length} units saving at once, ${rounds} rounds (+1 warm-up), every field changed each round`);
    console.log(`  form sizes: ${Math.min(...sizes)}–${Math.max(...sizes)} fields (${figures} figures + ${sizes.reduce((a, b) => a + b, 0) - figures} task reports per round)`);
    console.log(`  saves: ${latencies.length}, failures: ${failures}, throughput: ${(latencies.length / elapsed).toFixed(1)} saves/s`);
    console.log(`  p50 ${ms(percentile(latencies, 50))}  p95 ${ms(percentile(latencies, 95))}  p99 ${ms(percentile(latencies, 99))}  max ${ms(latencies.at(-1))}`);
    if (failures > 0) process.exitCode = 1;
  } finally {
    await closeDb();
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
