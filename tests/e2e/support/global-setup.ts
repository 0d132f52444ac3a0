// Starts one production server on a fresh embedded database (no DATABASE_URL: the bare-laptop default) with a fixed
// clock, and stops it afterwards. NEXTAUTH_URL is left unset, as on a bare laptop: URLs come
// from the request's host. Tests reach it at E2E_BASE_URL.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const PORT = Number(process.env.E2E_PORT ?? 3077);
let server: ChildProcess | undefined;

export async function setup(project: TestProject): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  if (!fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'))) throw new Error('No production build: run `npm run build` first.');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'beibei-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: path.join(dataDir, 'db'), APP_FIXED_NOW: '2026-11-15T10:00:00+08:00', NEXTAUTH_SECRET: 'e2e-secret-0123456789abcdefghijklmnopqrstuv', NEXT_TELEMETRY_DISABLED: '1' };
  delete env.DATABASE_URL;
  // The benchmark's pages are not part of the product: the browser tests check that they answer 404.
  delete env.APP_BENCH_PAGES;
  delete env.NEXTAUTH_URL;
  // The notice sweep would fire 15 s in, in the middle of whichever file runs then, and add notices to inboxes that
  // file reads; it is tested directly (tests/integration/notices-sweep.test.ts, notices-webhook.test.ts).
  env.NOTICE_SWEEP_INTERVAL_SECONDS = '0';
  const log = fs.openSync(path.join(dataDir, 'server.log'), 'w');
  const started = Date.now();
  server = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(PORT)], { cwd: root, env, stdio: ['ignore', log, log] });
  const base = `http://127.0.0.1:${PORT}`;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`next start exited: ${fs.readFileSync(path.join(dataDir, 'server.log'), 'utf8')}`);
    try {
      const res = await fetch(`${base}/sign-in`);
      if (res.status < 500) break;
    } catch {
      // not up yet
    }
    if (Date.now() - started > 120_000) throw new Error('next start did not answer within 120 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  process.stdout.write(`e2e server ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${dataDir})\n`);
  project.provide('baseUrl', base);
  project.provide('serverLog', path.join(dataDir, 'server.log'));
}

export async function teardown(): Promise<void> {
  server?.kill('SIGTERM');
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    serverLog: string;
  }
}
