// npm run bench:registry [-- --rows 10000] [-- --rows 100000]: imports a synthetic 高新技术企业 list end to end
// (read the .xlsx, dry-run preview, confirm in one transaction) with the same command the operator uses
// (npm run registry:import), on a fresh embedded database (or PostgreSQL when BENCH_DATABASE_URL is set), and prints
// the timings and the process's peak memory. The budget: 10,000 rows in under 5 s.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const rowsAt = process.argv.indexOf('--rows');
const rows = rowsAt > 0 ? Number(process.argv[rowsAt + 1]) : 10_000;
const budgetMs = rows <= 10_000 ? 5_000 : Infinity;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-bench-'));
const list = path.join(work, `list-${rows}.xlsx`);
const log = (m) => process.stderr.write(`[bench] ${m}\n`);

// BENCH_HEAP_MB caps the V8 heap: the import must fit in it (peak RSS alone says little, V8 collects lazily).
const env = { ...process.env, NODE_OPTIONS: `--max-old-space-size=${Number(process.env.BENCH_HEAP_MB ?? 2048)}` };
const schema = `bench_registry_${process.pid}`;
if (process.env.BENCH_DATABASE_URL) {
  const url = new URL(process.env.BENCH_DATABASE_URL);
  url.searchParams.set('schema', schema);
  env.DATABASE_URL = url.toString();
} else {
  delete env.DATABASE_URL;
  env.PGLITE_DIR = path.join(work, 'db');
}
const tsx = (args) => spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', ...args], { cwd: root, env, encoding: 'utf8' });

try {
  log(`writing a ${rows}-row list`);
  execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/registry-sample-list.ts', String(rows), list], { cwd: root, env, stdio: 'inherit' });
  log('loading the plan (towns and parks)');
  const loaded = tsx(['scripts/plan-load.ts']);
  if (loaded.status !== 0) throw new Error(loaded.stderr);
  const results = [];
  for (const run of ['first import', 'same file again']) {
    const started = Date.now();
    const out = tsx(['scripts/registry-import.ts', '--list', 'high_tech', list]);
    const wallMs = Date.now() - started;
    if (out.status !== 0) throw new Error(out.stderr);
    const result = JSON.parse(out.stdout.trim().split('\n').pop());
    results.push({ run, ...result, processWallMs: wallMs });
    log(`${run}: ${JSON.stringify(result.counts)} in ${result.importMs} ms wall, ${result.cpuMs} ms CPU (read+preview ${result.previewMs} ms, confirm ${result.confirmMs} ms), peak RSS ${result.maxRssMb} MB`);
  }
  const first = results[0];
  console.log(JSON.stringify({ rows, fileBytes: fs.statSync(list).size, database: process.env.BENCH_DATABASE_URL ? 'postgresql' : 'pglite', results }, null, 2));
  if (first.importMs > budgetMs) {
    log(`over budget: ${first.importMs} ms > ${budgetMs} ms`);
    process.exitCode = 1;
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
  if (process.env.BENCH_DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
}
