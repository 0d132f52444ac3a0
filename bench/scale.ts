// Growth to city scale (issue 16): one PostgreSQL database (created here, scale_<time>) grown from Beibei's demo data
// to 38 district plans with ten years of monthly figures each and 400,000 enterprises, measuring Beibei's reads at
// each step through the domain functions the pages call: the overview's figures and task progress, an indicator
// page, the review queue, the bulletin, the registry counts, the indicator page's registry comparison, the registry
// list, and a 10,000-row registry import (the operator's
// command, npm run registry:import, in a child process). At the end, EXPLAIN (ANALYZE) of the slowest statements
// those reads sent, with the indexes they use.
//
//   npm run bench:scale [-- --districts 38 --enterprises 400000 --runs 5 --keep]
//   BENCH_PG_ADMIN_URL=postgresql://postgres@127.0.0.1:5432/postgres (default)
//
// Steps: 1× = the bundled plan with its demo data (2023-01 … 2026-10) and demo registry; then 10 districts, then
// --districts. Each synthetic district is the bundled plan under another id, region, unit names and targets
// (× 0.6–1.5), its figures Beibei's demo figures scaled, repeated back to 2017-01 (ten years); Beibei's own figures
// are repeated back too. Enterprises grow in proportion (--enterprises at the last step), a third with a 高新 record,
// each in a synthetic district's registry (its plan, towns and parks); Beibei's registry stays its demo one.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const DISTRICTS = arg('districts', 38);
const ENTERPRISES = arg('enterprises', 400_000);
const RUNS = arg('runs', 5);
const KEEP = args.includes('--keep');
const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
const root = path.resolve(__dirname, '..');
const log = (m: string) => process.stderr.write(`[scale] ${m}\n`);
const MONTH = '2026-10';
const NOW = new Date('2026-11-20T02:00:00Z');

const dbName = `scale_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
const url = new URL(ADMIN_URL);
url.pathname = `/${dbName}`;
process.env.DATABASE_URL = url.toString();

interface Captured {
  sql: string;
  params: string;
  ms: number;
}
let capture: Captured[] | null = null;

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const raw = new pg.Client({ connectionString: url.toString() });
  try {
    await run(raw);
  } finally {
    await raw.end().catch(() => {});
    const { closeDb } = await import('@/lib/db/client');
    await closeDb().catch(() => {});
    if (!KEEP) {
      const dropper = new pg.Client({ connectionString: ADMIN_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await dropper.end();
    } else log(`kept database ${dbName}`);
  }
}

async function run(raw: pg.Client): Promise<void> {
  // Imported after DATABASE_URL is set: the environment is parsed once.
  const { systemActor } = await import('@/lib/actor');
  const { fixedClock } = await import('@/lib/clock');
  const { installDatabase, openDatabase, getDb } = await import('@/lib/db/client');
  const { loadPlan } = await import('@/lib/mutations/plan');
  const { seedDemoData } = await import('@/lib/mutations/demo');
  const { seedDemoBulletins } = await import('@/lib/mutations/bulletin/demo');
  const { seedDemoRegistry } = await import('@/lib/mutations/registry/demo');
  const { readPlanFile } = await import('@/lib/plan/read-plan-file');
  const { getDistrictFigures, getIndicatorBreakdown, listIndicatorFigures, listLatestTaskProgress } = await import('@/lib/queries/dashboard');
  const { getReviewQueue } = await import('@/lib/queries/reporting/queue');
  const { generateBulletinContent } = await import('@/lib/queries/bulletin/generate');
  const { getRegistryCounts } = await import('@/lib/queries/registry/counts');
  const { getRegistryComparison } = await import('@/lib/queries/registry/derived');
  const { listEnterprises } = await import('@/lib/queries/registry/list');
  const { syntheticPlan, growEnterprises, growValues } = await import('./scale-data');

  const handle = await openDatabase({ kind: 'postgres', url: url.toString() }, { onQuery: (sql, d) => capture?.push({ sql, params: d.params, ms: d.durationMs }) });
  installDatabase(handle);
  await raw.connect();
  const db = await getDb();
  const bundled = readPlanFile(path.join(root, 'prisma/plans/beibei-2023-2027.json'));
  log(`database ${dbName}: loading the bundled plan and its demo data`);
  await loadPlan(systemActor('scale'), bundled);
  await seedDemoData(systemActor('scale'), bundled, MONTH);
  await seedDemoBulletins(systemActor('scale'), bundled.id, MONTH, NOW);
  await seedDemoRegistry(systemActor('scale'), bundled, MONTH);
  const region = await db.unit.findFirstOrThrow({ where: { planId: bundled.id, kind: 'region' } });
  const indicator = await db.indicator.findFirstOrThrow({ where: { planId: bundled.id, code: 'high_tech_enterprises' } });
  const mk = async (username: string, roles: ('leader' | 'bureau_reviewer')[]) => {
    const u = await db.user.create({ data: { username, displayName: username, passwordHash: 'x', roles, unitId: null } });
    return { userId: u.id, username, roles, unitId: null, sessionId: null, ip: null };
  };
  const leader = await mk('scale_leader', ['leader']);
  const reviewer = await mk('scale_reviewer', ['bureau_reviewer']);
  const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`).concat(['2026-01', '2026-06', MONTH]);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'beibei-scale-'));
  const list = path.join(work, 'list-10000.xlsx');
  execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/registry-sample-list.ts', '10000', list], { cwd: root, stdio: 'ignore' });

  const measures: Record<string, () => Promise<unknown>> = {
    'overview (district figures + task progress)': async () => {
      await getDistrictFigures(leader, bundled.id, region.id, MONTH);
      await listLatestTaskProgress(leader, bundled.id, MONTH);
    },
    'indicator page (figures + breakdown)': async () => {
      await listIndicatorFigures(leader, indicator.id, region.id, MONTH);
      await getIndicatorBreakdown(leader, indicator.id, MONTH);
    },
    'review queue': () => getReviewQueue(reviewer, { planId: bundled.id, month: MONTH }, fixedClock(NOW.toISOString())),
    'bulletin generation': () => generateBulletinContent('2026-09', NOW),
    'registry counts (高新, 15 months)': () => getRegistryCounts(leader, 'high_tech', months),
    'registry vs figures (indicator page, 12 months)': () => getRegistryComparison(leader, indicator.id, months.slice(-12)),
    'registry list (first page of 50)': () => listEnterprises(leader, {}, '2026-11-20'),
  };
  const results: { step: string; sizes: string; ms: Record<string, number> }[] = [];

  async function importOnce(): Promise<number> {
    // A fresh import each time, and removed again after it (their rows cascade; the audit log stays): Beibei's
    // registry is the same demo registry at every step, so the next step's reads do not count 10,000 more firms.
    const removeSample = () => raw.query(`DELETE FROM "Enterprise" WHERE "planId" = $1 AND name LIKE '基准测试企业%'`, [bundled.id]);
    await removeSample();
    const t0 = performance.now();
    const out = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/registry-import.ts', '--list', 'high_tech', list], { cwd: root, env: { ...process.env, DATABASE_URL: url.toString() }, encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`registry import failed: ${out.stderr}`);
    const ms = performance.now() - t0;
    await removeSample();
    return ms;
  }

  async function measure(step: string): Promise<void> {
    await raw.query('ANALYZE');
    const sizes = (await raw.query<{ v: string; e: string; q: string; p: string }>(`SELECT (SELECT count(*) FROM "IndicatorValue") v, (SELECT count(*) FROM "Enterprise") e, (SELECT count(*) FROM "Qualification") q, (SELECT count(*) FROM "Plan") p`)).rows[0];
    const ms: Record<string, number> = {};
    for (const [name, fn] of Object.entries(measures)) {
      await fn();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await fn();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      ms[name] = times[Math.floor(times.length / 2)];
    }
    ms['registry import, 10,000 rows (whole command)'] = await importOnce();
    const sizeText = `${sizes.p} plans, ${Number(sizes.v).toLocaleString('en')} figures, ${Number(sizes.e).toLocaleString('en')} enterprises, ${Number(sizes.q).toLocaleString('en')} qualifications`;
    results.push({ step, sizes: sizeText, ms });
    log(`${step}: ${sizeText}: ${Object.entries(ms).map(([k, v]) => `${k.split(' (')[0]} ${v.toFixed(0)} ms`).join(', ')}`);
  }

  await measure('1×');
  let loaded = 1;
  for (const target of [...new Set([Math.min(10, DISTRICTS), DISTRICTS])]) {
    const t0 = performance.now();
    for (let n = loaded + 1; n <= target; n++) {
      const plan = syntheticPlan(bundled, n);
      await loadPlan(systemActor('scale'), plan);
      await growValues(raw, bundled.id, plan.id, 0.6 + ((n * 37) % 90) / 100, n);
    }
    if (loaded === 1) await growValues(raw, bundled.id, bundled.id, 1, 1);
    await growEnterprises(raw, Math.round((ENTERPRISES * target) / DISTRICTS), bundled.id);
    log(`grown to ${target} districts in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    loaded = target;
    await measure(`${target}×`);
  }

  // The plans: every measured read once more, capturing its statements; the slowest ones explained.
  capture = [];
  for (const fn of Object.values(measures)) await fn();
  const captured = capture as Captured[];
  capture = null;
  const slowest = [...new Map(captured.sort((a, b) => b.ms - a.ms).map((c) => [c.sql, c])).values()].slice(0, 8);
  const plans: string[] = [];
  for (const c of slowest) {
    const params = JSON.parse(c.params || '[]') as unknown[];
    try {
      const explained = await raw.query(`EXPLAIN (ANALYZE, BUFFERS OFF) ${c.sql}`, params);
      const clip = (line: string) => line.replace(/\{[\d,]{200,}\}/g, (ids) => `{${ids.slice(1, 60)}… ${ids.split(',').length} ids}`).slice(0, 400);
      plans.push(`-- ${c.ms.toFixed(1)} ms when measured\n${clip(c.sql.replace(/(\$\d+,){20,}/g, '$1, $2, … '))}\n${explained.rows.map((r) => clip(r['QUERY PLAN'])).join('\n')}`);
    } catch (error) {
      plans.push(`-- ${c.sql.slice(0, 200)}: not explained (${(error as Error).message})`);
    }
  }

  const names = Object.keys(results[0].ms);
  console.log(`\nGrowth, ${dbName} (machine load ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}), median of ${RUNS} after a warm-up:\n`);
  console.log(`| read | ${results.map((r) => r.step).join(' | ')} |\n|---|${results.map(() => '---|').join('')}`);
  for (const n of names) console.log(`| ${n} | ${results.map((r) => `${r.ms[n].toFixed(0)} ms${r === results[0] ? '' : ` (×${(r.ms[n] / results[0].ms[n]).toFixed(1)})`}`).join(' | ')} |`);
  for (const r of results) console.log(`\n${r.step}: ${r.sizes}`);
  console.log(`\nEXPLAIN (ANALYZE) of the ${slowest.length} slowest statements at ${results.at(-1)!.step}:\n`);
  console.log(plans.join('\n\n'));
  const seqScans = plans.join('\n').match(/Seq Scan on "?(IndicatorValue|Enterprise|Qualification|ValueEvent|Submission|TaskReport)"?/g) ?? [];
  console.log(`\nsequential scans over grown tables in these plans: ${seqScans.length ? [...new Set(seqScans)].join(', ') : 'none'}`);
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
