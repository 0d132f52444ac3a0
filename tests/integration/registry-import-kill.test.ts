// A 10,000-row list import killed half-way (SIGKILL while its transaction holds the firms it has inserted) leaves
// nothing behind; the rerun writes exactly 10,000 firms and certificates, and a third run changes nothing. The import
// runs as its own process (npm run registry:import) on this file's database: a fresh PostgreSQL schema, or a PGlite
// data folder when DATABASE_URL is unset.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemActor } from '@/lib/actor';
import { closeDb, installDatabase, openDatabase, parsePostgresUrl, type DatabaseConfig } from '@/lib/db/client';
import { loadPlan } from '@/lib/mutations/plan';
import { bundledPlan } from '../support/plan';
import { highTechWorkbook } from '../support/registry';

const ROWS = 10_000;
const root = path.resolve(__dirname, '..', '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-kill-'));
const listFile = path.join(work, 'list.xlsx');
const baseUrl = process.env.DATABASE_URL;
const schema = `test_kill_${process.pid}_${randomBytes(3).toString('hex')}`;
const config: DatabaseConfig = baseUrl ? { kind: 'postgres', url: baseUrl, schema } : { kind: 'pglite', dataDir: path.join(work, 'db') };
const childEnv: NodeJS.ProcessEnv = { ...process.env };
if (baseUrl) {
  const url = new URL(baseUrl);
  url.searchParams.set('schema', schema);
  childEnv.DATABASE_URL = url.toString();
} else {
  delete childEnv.DATABASE_URL;
  childEnv.PGLITE_DIR = path.join(work, 'db');
}

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>['prisma']) => Promise<T>): Promise<T> {
  const handle = await openDatabase(config);
  try {
    return await fn(handle.prisma);
  } finally {
    await handle.close();
  }
}

const counts = () => withDb(async (db) => ({ firms: await db.enterprise.count(), certificates: await db.qualification.count(), audits: await db.auditLog.count({ where: { event: 'registry.import.confirmed' } }) }));

/** Runs the import CLI; `killAt` kills it (SIGKILL) as soon as its stderr shows that step. */
function runImport(options: { pauseMs?: number; killAt?: string } = {}): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // One process (node with tsx's loader), not the tsx CLI, which would run the import in a child the kill misses.
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/registry-import.ts', '--list', 'high_tech', listFile], {
      cwd: root,
      env: { ...childEnv, REGISTRY_IMPORT_PAUSE_MS: String(options.pauseMs ?? 0) },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (options.killAt && stderr.includes(`step ${options.killAt}`)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

beforeAll(async () => {
  const handle = await openDatabase(config);
  installDatabase(handle);
  await loadPlan(systemActor('test'), bundledPlan());
  const plan = bundledPlan();
  await closeDb();
  const towns = plan.units.filter((u) => u.kind === 'town').map((u) => u.name);
  const parks = plan.units.filter((u) => u.kind === 'park').map((u) => u.name);
  fs.writeFileSync(listFile, await highTechWorkbook(ROWS, towns, parks));
});

afterAll(async () => {
  fs.rmSync(work, { recursive: true, force: true });
  if (baseUrl) {
    const client = new pg.Client({ connectionString: parsePostgresUrl(baseUrl).connectionString });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
});

test('killed with its firms inserted but not committed: nothing is written; the rerun gives exactly 10,000', { timeout: 300_000 }, async () => {
  const killed = await runImport({ pauseMs: 120_000, killAt: 'firmsWritten' });
  expect(killed.signal).toBe('SIGKILL');
  expect(killed.stderr).toContain('step firmsWritten');
  expect(await counts()).toEqual({ firms: 0, certificates: 0, audits: 0 });

  const rerun = await runImport();
  expect(rerun.code, rerun.stderr).toBe(0);
  expect(JSON.parse(rerun.stdout.trim().split('\n').pop()!).counts).toEqual({ created: ROWS, updated: 0, unchanged: 0, refused: 0 });
  expect(await counts()).toEqual({ firms: ROWS, certificates: ROWS, audits: 1 });

  const again = await runImport();
  expect(again.code, again.stderr).toBe(0);
  expect(JSON.parse(again.stdout.trim().split('\n').pop()!).counts).toEqual({ created: 0, updated: 0, unchanged: ROWS, refused: 0 });
  expect(await counts()).toEqual({ firms: ROWS, certificates: ROWS, audits: 1 });
});
