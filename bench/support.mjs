// What the benchmark scripts share: a production server on a fresh database with the demo data, signing in as a demo
// account, and a closed-loop autocannon run with exact percentiles.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const distDir = path.join(root, process.env.NEXT_DIST_DIR || '.next');
const USER = process.env.BENCH_USER || 'leader';
const PASSWORD = process.env.BENCH_PASSWORD || 'Leader#2026bb';
export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const log = (m) => process.stderr.write(`[bench] ${m}\n`);

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** `next start` on `port`, on a fresh embedded database, or on PostgreSQL when BENCH_DATABASE_URL is set. */
export async function startServer(port) {
  if (!fs.existsSync(path.join(distDir, 'BUILD_ID'))) throw new Error(`No production build in ${distDir}: run \`npm run build\` first.`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'beibei-bench-'));
  const base = `http://127.0.0.1:${port}`;
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const schema = `bench_${process.pid}`;
  const env = {
    ...process.env,
    PGLITE_DIR: path.join(dataDir, 'db'),
    APP_FIXED_NOW: '2026-11-15T10:00:00+08:00',
    NEXTAUTH_SECRET: 'bench-secret-0123456789abcdefghijklmnopqrstuvwxyz',
    NEXTAUTH_URL: base,
    NEXT_TELEMETRY_DISABLED: '1',
    // The baseline pages /bench/trivial and /bench/shell exist only for this (404 otherwise).
    APP_BENCH_PAGES: '1',
  };
  delete env.DATABASE_URL;
  if (databaseUrl) {
    const url = new URL(databaseUrl);
    url.searchParams.set('schema', schema);
    env.DATABASE_URL = url.toString();
  }
  const logFile = path.join(dataDir, 'server.log');
  const out = fs.openSync(logFile, 'w');
  const server = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], { cwd: root, env, stdio: ['ignore', out, out] });
  const started = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`next start exited:\n${fs.readFileSync(logFile, 'utf8')}`);
    try {
      const res = await fetch(`${base}/sign-in`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 180_000) throw new Error('next start did not answer within 180 s');
    await sleep(250);
  }
  log(`server up in ${((Date.now() - started) / 1000).toFixed(1)} s on ${databaseUrl ? `PostgreSQL (schema ${schema})` : `PGlite (data in ${dataDir})`}`);
  return {
    base,
    database: databaseUrl ? 'PostgreSQL' : 'PGlite',
    stop: async () => {
      server.kill('SIGTERM');
      await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (databaseUrl) {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
    },
  };
}

/** Signs in through next-auth's credentials endpoint (the demo leader unless told); returns the session's Cookie header. */
export async function signIn(base, username = USER, password = PASSWORD) {
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ csrfToken, username, password, json: 'true' }),
  });
  keep(res);
  const session = [...jar].find(([k]) => k.endsWith('next-auth.session-token'));
  if (!session) throw new Error(`sign-in as ${username} failed (HTTP ${res.status})`);
  return `${session[0]}=${session[1]}`;
}

/** Closed loop: `connections` each send the next request when the last is answered, for `duration` seconds. */
export async function load(base, pathname, cookie, connections, duration) {
  const times = [];
  const instance = autocannon({ url: `${base}${pathname}`, connections, duration, headers: { cookie, 'user-agent': BROWSER_UA, accept: 'text/html' } });
  instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const result = await instance;
  times.sort((a, b) => a - b);
  const non2xx = result.non2xx + result.errors + result.timeouts;
  return { connections, requests: times.length, rps: result.requests.average, median: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), failed: non2xx };
}


/** 50 (or `count`) users for `seconds`: request, wait for the whole answer, think for Exp(thinkMs), repeat. */
export async function thinkingUsers(base, pathname, cookie, { count = 50, thinkMs, seconds }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: count });
  const url = new URL(pathname, base);
  const headers = { cookie, 'user-agent': BROWSER_UA, accept: 'text/html' };
  const times = [];
  let failed = 0;
  const until = performance.now() + seconds * 1000;
  const get = () =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const req = http.get({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ ok: res.statusCode === 200, ms: performance.now() - t0 }));
      });
      req.on('error', () => resolve({ ok: false, ms: performance.now() - t0 }));
    });
  const user = async () => {
    await sleep(Math.random() * thinkMs); // users do not all arrive at once
    while (performance.now() < until) {
      const r = await get();
      if (r.ok) times.push(r.ms);
      else failed++;
      await sleep(-Math.log(1 - Math.random()) * thinkMs);
    }
  };
  await Promise.all(Array.from({ length: count }, user));
  agent.destroy();
  times.sort((a, b) => a - b);
  return { users: count, thinkMs, requests: times.length, rps: times.length / seconds, median: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), failed };
}

