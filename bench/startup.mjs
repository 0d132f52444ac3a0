// Measures the time from starting the built server to its first served page (GET /sign-in = 200), on the
// embedded default (fresh data folder, then the same folder again) and on PostgreSQL (fresh database, then again).
// Usage: npm run build && node bench/startup.mjs   (needs PostgreSQL on 127.0.0.1:5432 for the second half)
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const distDir = process.env.NEXT_DIST_DIR || '.next';
if (!fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) throw new Error(`No build in ${distDir}: run npm run build first`);
const PORT = 3155;

async function timeToFirstPage(extraEnv) {
  const env = { ...process.env, NEXTAUTH_SECRET: 'bench-secret-0123456789abcdefghijklmnopqrstuv', NEXT_TELEMETRY_DISABLED: '1', APP_FIXED_NOW: '2026-11-15T10:00:00+08:00', ...extraEnv };
  if (!extraEnv.DATABASE_URL) delete env.DATABASE_URL;
  const started = performance.now();
  const server = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(PORT)], { cwd: root, env, stdio: 'ignore' });
  try {
    for (;;) {
      if (server.exitCode !== null) throw new Error('server exited');
      try {
        const res = await fetch(`http://127.0.0.1:${PORT}/sign-in`);
        if (res.status === 200) return (performance.now() - started) / 1000;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

const rows = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-startup-'));
rows.push(['embedded PGlite, new data folder (initdb, migrations, plan, demo data)', await timeToFirstPage({ PGLITE_DIR: path.join(dataDir, 'db') })]);
rows.push(['embedded PGlite, existing data folder', await timeToFirstPage({ PGLITE_DIR: path.join(dataDir, 'db') })]);

const dbName = `bench_startup_${Date.now()}`;
try {
  execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-qc', `CREATE DATABASE ${dbName}`]);
  const url = `postgresql://postgres@127.0.0.1:5432/${dbName}`;
  rows.push(['PostgreSQL 127.0.0.1, new database (migrations, plan, demo data)', await timeToFirstPage({ DATABASE_URL: url })]);
  rows.push(['PostgreSQL 127.0.0.1, existing database', await timeToFirstPage({ DATABASE_URL: url })]);
} finally {
  execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-qc', `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`]);
}

console.log('| start | seconds to first page |\n|---|---|');
for (const [name, s] of rows) console.log(`| ${name} | ${s.toFixed(1)} |`);
fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench', 'results', 'startup.json'), JSON.stringify({ at: new Date().toISOString(), rows }, null, 2));
