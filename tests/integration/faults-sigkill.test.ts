// Faults (issue 16): a server process killed with SIGKILL in the middle of a monthly submission or of an Excel import
// leaves nothing partial, and the user's retry ends with exactly the intended data.
//
// How "the middle" is reached for certain: the test holds a SHARE lock on the audit table, so the child's transaction
// (which writes its rows first and its audit row last) stops at the audit insert, holding its row locks. The test
// checks that it is there, kills it, lets the lock go and looks at what is left. PostgreSQL only: the embedded
// database is one process, with no second connection to hold a lock from (its kill -9 survival is in docs/operations.md).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Actor } from '@/lib/actor';
import { fixedClock } from '@/lib/clock';
import { getDb, parsePostgresUrl } from '@/lib/db/client';
import { buildTemplate } from '@/lib/excel/template';
import { saveDraft, submitMonth } from '@/lib/mutations/reporting/entry';
import { confirmImport } from '@/lib/mutations/reporting/import';
import { getReportForm } from '@/lib/queries/reporting/form';
import { setupTestDatabase } from '../support/db';
import type { FaultJob } from '../support/fault-child';
import { loadBundledPlan, makeReportingActor, snapshot, type LoadedPlan } from '../support/reporting';
import { openWorkbook, saveWorkbook, setValue, taskRows, valueRows } from '../support/workbook';

const url = process.env.DATABASE_URL;
const { handle } = setupTestDatabase();
const MONTH = '2026-03';
const AT = '2026-04-02T02:00:00Z';
const clock = fixedClock(AT);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'beibei-faults-'));

let plan: LoadedPlan;
let schema: string;
let locker: pg.Client;

beforeAll(async () => {
  if (!url) return;
  plan = await loadBundledPlan();
  schema = /\(schema (.+)\)/.exec(handle().description)![1];
  locker = new pg.Client({ connectionString: parsePostgresUrl(url).connectionString, options: `-c search_path="${schema}"` });
  await locker.connect();
});

afterAll(async () => {
  await locker?.end();
  fs.rmSync(work, { recursive: true, force: true });
});

function startChild(job: FaultJob, appName: string): { child: ChildProcess; output: () => string } {
  const jobFile = path.join(work, `${appName}.json`);
  fs.writeFileSync(jobFile, JSON.stringify(job));
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'tests/support/fault-child.ts', jobFile], {
    env: { ...process.env, PGAPPNAME: appName },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

/** pg_stat_activity is read once per transaction unless the snapshot is cleared: the probes run inside the lock's. */
async function activity<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<pg.QueryResult<T>> {
  await locker.query('SELECT pg_stat_clear_snapshot()');
  return locker.query<T>(sql, params);
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined>, output: () => string, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const activity = await locker.query(`SELECT pid, application_name, state, wait_event_type, wait_event, left(query, 80) AS query FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND (application_name LIKE $$fault%$$ OR wait_event_type = $$Lock$$ OR state = $$active$$)`);
  throw new Error(`timed out waiting for ${what}; child said: ${output()}; sessions: ${JSON.stringify(activity.rows)}`);
}

/**
 * Runs `op` in a child, stops it at its audit insert, checks it had already taken row locks on `writes`, SIGKILLs it
 * and waits until its database session is gone.
 */
async function killMidTransaction(actor: Actor, op: FaultJob['op'], writes: string): Promise<void> {
  const appName = `fault_${randomBytes(4).toString('hex')}`;
  await locker.query('BEGIN');
  await locker.query('LOCK TABLE "AuditLog" IN SHARE MODE');
  const { child, output } = startChild({ url: url!, schema, actor, at: AT, op }, appName);
  try {
    const pid = await until(
      'the child to block on the audit insert',
      // Waiting on the audit table itself, not on anything else (another test file's migration lock, say).
      async () =>
        (
          await activity<{ pid: number }>(
            `SELECT a.pid FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid AND NOT l.granted
              WHERE a.application_name = $1 AND l.relation = '"AuditLog"'::regclass`,
            [appName],
          )
        ).rows[0]?.pid,
      output,
    );
    const held = await locker.query<{ relname: string }>(
      `SELECT c.relname FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.pid = $1 AND l.granted AND l.mode = 'RowExclusiveLock'`,
      [pid],
    );
    expect(held.rows.map((r) => r.relname)).toContain(writes); // it had written its rows: this is the middle
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(output()).not.toContain('done');
  } finally {
    await locker.query('COMMIT');
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  // The orphaned session finds its client gone and rolls back.
  await until('the killed session to end', async () => (await activity(`SELECT 1 FROM pg_stat_activity WHERE application_name = $1`, [appName])).rowCount === 0, output);
}

test.runIf(url)('SIGKILL in the middle of a monthly submission leaves the month as it was; the retry submits exactly once', async () => {
  const unit = plan.unit('区金融发展中心');
  const reporter = await makeReportingActor({ roles: ['unit_reporter'], unitId: unit });
  const db = await getDb();
  const task = await db.task.findFirstOrThrow({ where: { planId: plan.planId, no: 13, isOrganisation: false } });
  const key = `pre_ipo_reserve:${plan.regionId}:${MONTH}:final`;
  const saved = await saveDraft(reporter, { month: MONTH, values: { [key]: { value: '42', version: 0 } }, tasks: { [task.id]: { progress: 'on_track', narrative: '辅导备案 3 家', version: 0 } } }, clock);
  const before = await snapshot();
  const submission = await db.submission.findFirstOrThrow({ where: { unitId: unit, month: MONTH } });

  await killMidTransaction(reporter, { kind: 'submit', month: MONTH, version: saved.version }, 'IndicatorValue');

  expect(await snapshot()).toEqual(before);
  expect(await db.submission.findUniqueOrThrow({ where: { id: submission.id } })).toEqual(submission);
  expect(await db.indicatorValue.findMany({ where: { submissionId: submission.id }, select: { status: true } })).toEqual([{ status: 'draft' }]);

  // The user retries with the version the page still shows.
  const retried = await submitMonth(reporter, { month: MONTH, version: saved.version }, clock);
  expect(retried).toMatchObject({ status: 'submitted', submitted: 2 });
  const after = await snapshot();
  expect(after).toMatchObject({ values: before.values, tasks: before.tasks, submissions: before.submissions, events: before.events + 2, audit: before.audit + 1 });
  expect(await db.auditLog.count({ where: { event: 'reporting.submitted', targetId: String(submission.id) } })).toBe(1);
  expect(await db.indicatorValue.findFirstOrThrow({ where: { submissionId: submission.id } })).toMatchObject({ status: 'submitted', version: 2 });
});

test.runIf(url)('SIGKILL in the middle of an Excel import writes none of its rows; the retry imports each row once', async () => {
  const unit = plan.unit('区科技局');
  const reporter = await makeReportingActor({ roles: ['unit_reporter'], unitId: unit });
  const workbook = await openWorkbook(new Uint8Array(await buildTemplate(await getReportForm(reporter, { month: MONTH }, clock))));
  const rows = valueRows(workbook);
  // 国家高新/科技型企业 are counted from the registry (never typed): 在孵企业 is a figure 区科技局 types.
  setValue(rows.get(`incubated_enterprises:${plan.regionId}:${MONTH}:final`)!, 420);
  setValue(rows.get(`tech_contract_turnover:${plan.regionId}:${MONTH}:final`)!, '12.35', '一季度合同集中登记');
  const [firstTask] = taskRows(workbook).values();
  firstTask.getCell(4).value = '滞后';
  firstTask.getCell(5).value = '本月完成 2 家企业培育';
  const bytes = await saveWorkbook(workbook);
  const filePath = path.join(work, 'report.xlsx');
  fs.writeFileSync(filePath, bytes);
  const fileHash = createHash('sha256').update(bytes).digest('hex');
  const before = await snapshot();

  await killMidTransaction(reporter, { kind: 'import', month: MONTH, fileHash, filePath }, 'IndicatorValue');

  expect(await snapshot()).toEqual(before);
  const db = await getDb();
  expect(await db.indicatorValue.count({ where: { unitId: plan.regionId, month: MONTH, source: 'import' } })).toBe(0);

  const retried = await confirmImport(reporter, { month: MONTH, fileHash, file: { name: 'report.xlsx', bytes } }, clock);
  expect(retried).toMatchObject({ created: 3, changed: 0 });
  const again = await confirmImport(reporter, { month: MONTH, fileHash, file: { name: 'report.xlsx', bytes } }, clock);
  expect(again).toMatchObject({ created: 0, changed: 0 });
  const imported = await db.indicatorValue.findMany({ where: { month: MONTH, source: 'import' }, include: { indicator: { select: { code: true } } } });
  expect(imported.map((v) => [v.indicator.code, v.value.toString()]).sort()).toEqual([['incubated_enterprises', '420'], ['tech_contract_turnover', '12.35']]);
  expect(await db.auditLog.count({ where: { event: 'reporting.import.confirmed' } })).toBe(1);
});
