// What the HTTP benchmarks of the reporting form share: a production server on a PostgreSQL database of its own
// (created here, migrated and seeded with the demo data by the server itself), one reporter account per reporting
// unit, and the monthly form driven the way the browser drives it: the page is fetched, the server action's id is
// read from the form's hidden `$ACTION_…` inputs, and the form is POSTed as multipart form data with the
// `Next-Action` header, encoded as React's `encodeReply` encodes `(previousState, formData)`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import { distDir, log, root, sleep } from './support.mjs';

export const REPORTER_PASSWORD = 'Peak#2026bench';
const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Reads `--name value` options with defaults; numbers stay numbers. */
export function options(defaults) {
  const out = { ...defaults };
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const m = args[i].match(/^--([a-z-]+)(?:=(.*))?$/);
    if (!m) continue;
    const key = m[1].replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    const raw = m[2] ?? (typeof defaults[key] === 'boolean' ? 'true' : args[++i]);
    out[key] = typeof defaults[key] === 'number' ? Number(raw) : typeof defaults[key] === 'boolean' ? raw !== 'false' : raw;
  }
  return out;
}

/** CPU time (user + system) used so far by a process and its children, in ms (Linux /proc; clock ticks of 10 ms). */
export function treeCpuMs(pid) {
  const stats = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // gone meanwhile
    }
  }
  let ticks = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    ticks += stats.get(p)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.ppid === p) stack.push(child);
  }
  return ticks * 10;
}

/** Resident memory of a process and its children, in MB (Linux /proc). */
export function treeRssMb(pid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  let kb = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    try {
      kb += Number(fs.readFileSync(`/proc/${p}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
    } catch {
      // gone
    }
    stack.push(...(children.get(p) ?? []));
  }
  return kb / 1024;
}

/**
 * `next start` on `port` on a new PostgreSQL database `<prefix>_<time>` (dropped by `stop` unless `keep`). The
 * clock is fixed at `now` so that a month's window is open: 2026-11-03 → the month 2026-10, due 2026-11-05.
 * `nodeArgs` go to the server's node before next's script (e.g. `--inspect=127.0.0.1:<port>` for bench/inspector.mjs,
 * `--max-old-space-size=…`).
 */
export async function startPgServer({ port, prefix, now = '2026-11-03T10:00:00+08:00', keep = false, nodeArgs = [] }) {
  if (!fs.existsSync(path.join(distDir, 'BUILD_ID'))) throw new Error(`No production build in ${distDir}: run \`npm run build\` first.`);
  const dbName = `${prefix}_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `beibei-${prefix}-`));
  const logFile = path.join(dataDir, 'server.log');
  const out = fs.openSync(logFile, 'w');
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    APP_FIXED_NOW: now,
    NEXTAUTH_SECRET: 'bench-secret-0123456789abcdefghijklmnopqrstuvwxyz',
    NEXTAUTH_URL: base,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  delete env.PGLITE_DIR;
  const server = spawn(process.execPath, [...nodeArgs, path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], { cwd: root, env, stdio: ['ignore', out, out] });
  const started = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`next start exited:\n${fs.readFileSync(logFile, 'utf8')}`);
    try {
      if ((await fetch(`${base}/sign-in`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 240_000) throw new Error('next start did not answer within 240 s');
    await sleep(250);
  }
  log(`server up in ${((Date.now() - started) / 1000).toFixed(1)} s on PostgreSQL database ${dbName} (log: ${logFile})`);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  return {
    base,
    pid: server.pid,
    dbName,
    databaseUrl,
    pool,
    logFile,
    stop: async () => {
      await pool.end();
      server.kill('SIGTERM');
      await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
      if (keep) {
        log(`kept database ${dbName} and ${dataDir}`);
        return;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * One reporter account per unit that reports (every unit but the region), written straight into the bench's own
 * database as an administrator would create it (argon2id hash, no forced password change). Returns them by unit.
 */
export async function createReporters(pool, prefix) {
  const { rows: units } = await pool.query(`SELECT u.id, u.name FROM "Unit" u JOIN "Plan" p ON p.id = u."planId" WHERE u.kind <> 'region' ORDER BY u.position, u.id`);
  const passwordHash = await hash(REPORTER_PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const out = [];
  for (const unit of units) {
    const username = `${prefix}_u${unit.id}`;
    const { rows } = await pool.query(
      `INSERT INTO "User" (username, "displayName", "passwordHash", roles, "unitId", "mustChangePassword") VALUES ($1, $2, $3, ARRAY['unit_reporter']::"Role"[], $4, false) RETURNING id`,
      [username, `压测 ${unit.name}`, passwordHash, unit.id],
    );
    out.push({ userId: rows[0].id, username, unitId: unit.id, unitName: unit.name });
  }
  return out;
}

const attr = (tag, name) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
const unescapeHtml = (s) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * The reporting form of a page's HTML: the save action's id (from the form's `$ACTION_…:0` hidden input, as React
 * renders a `useActionState` form for progressive enhancement), the month, and the editable fields with their
 * versions and previous figures.
 */
export function parseReportForm(html) {
  const marker = html.indexOf('class="report-form"');
  if (marker < 0) return null;
  const formStart = html.lastIndexOf('<form', marker);
  const form = html.slice(formStart, html.indexOf('</form>', formStart));
  let actionId = null;
  for (const tag of form.match(/<input[^>]*>/g) ?? []) {
    const name = attr(tag, 'name') ?? '';
    if (/^\$ACTION_\d+:0$/.test(name)) actionId = JSON.parse(unescapeHtml(attr(tag, 'value'))).id;
    else if (/^\$ACTION_ID_/.test(name)) actionId = name.slice('$ACTION_ID_'.length);
  }
  const month = form.match(/name="month" value="([^"]+)"/)?.[1];
  const values = [];
  const versions = {};
  for (const tag of form.match(/<input[^>]*>/g) ?? []) {
    const name = unescapeHtml(attr(tag, 'name') ?? '');
    let m;
    if ((m = name.match(/^values\.(.+)\.version$/))) versions[`v:${m[1]}`] = Number(attr(tag, 'value'));
    else if ((m = name.match(/^tasks\.(\d+)\.version$/))) versions[`t:${m[1]}`] = Number(attr(tag, 'value'));
    else if ((m = name.match(/^values\.(.+)\.value$/))) values.push({ key: m[1], previous: attr(tag, 'data-previous'), current: attr(tag, 'value') });
  }
  const tasks = [];
  for (const m of form.matchAll(/name="tasks\.(\d+)\.(narrative|note)"/g)) tasks.push({ id: m[1], role: m[2] === 'narrative' ? 'lead' : 'responsible' });
  const withdrawForm = html.match(/<form id="withdraw-form"[^>]*>([\s\S]*?)<\/form>/)?.[1];
  const withdrawVersion = withdrawForm ? Number(withdrawForm.match(/name="version" value="(\d+)"/)?.[1]) : null;
  return { actionId, month, values, tasks, versions, withdrawVersion };
}

/**
 * A server action's id by its exported name, from the build's server-reference manifest: for an action the page
 * calls from a client function (撤回), whose id is in the page's JavaScript, not in its form.
 */
export function actionIdByName(name) {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'server/server-reference-manifest.json'), 'utf8'));
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === name);
  if (!found) throw new Error(`no server action ${name} in the build`);
  return found[0];
}

/**
 * A plausible new figure near the previous one, different on most rounds: at most 100 stays at most 100 (shares),
 * ranks (≤ 3) stay as they are. A warning for a jump is answered by the comment every save carries.
 */
function figureFor(item, round) {
  const prev = Number(item.previous ?? item.current ?? NaN);
  if (!Number.isFinite(prev) || prev <= 0) return String(1 + (round % 3));
  if (prev <= 3) return String(Math.max(1, Math.round(prev)));
  if (prev <= 100) return String(Math.max(1, Math.round(prev) - (round % 3)));
  return String(Math.round(prev) + Math.max(1, Math.round(prev * 0.01)) * (round % 2) + (round % 5));
}

/** The form fields the browser sends for one save: every editable figure and task changed, with the shown versions. */
export function formFields(form, round, intent) {
  const fields = [['month', form.month]];
  for (const v of form.values) {
    fields.push([`values.${v.key}.version`, String(form.versions[`v:${v.key}`] ?? 0)]);
    fields.push([`values.${v.key}.value`, figureFor(v, round)]);
    fields.push([`values.${v.key}.comment`, `压测第${round}轮`]);
  }
  for (const t of form.tasks) {
    fields.push([`tasks.${t.id}.version`, String(form.versions[`t:${t.id}`] ?? 0)]);
    if (t.role === 'lead') {
      fields.push([`tasks.${t.id}.progress`, round % 2 ? 'on_track' : 'behind']);
      fields.push([`tasks.${t.id}.narrative`, `第${round}轮：走访企业 ${round} 家，问题与措施……`]);
    } else fields.push([`tasks.${t.id}.note`, `第${round}轮配合情况`]);
  }
  fields.push(['intent', intent]);
  return fields;
}

/**
 * Calls a `useActionState` server action as the browser does: POST to the page with `Next-Action`, the body
 * React's encodeReply makes of `(previousState, formData)` (part `0` the argument list, the form's fields prefixed `_1_`).
 * `signal` aborts the call (the bench's cut-off for answers that never come).
 */
export async function callAction(base, pagePath, cookie, actionId, fields, signal = undefined) {
  const body = new FormData();
  for (const [k, v] of fields) body.append(`_1_${k}`, v);
  body.append('0', JSON.stringify([{ status: 'idle' }, '$K1']));
  const t0 = performance.now();
  const res = await fetch(`${base}${pagePath}`, {
    method: 'POST',
    headers: { cookie, 'next-action': actionId, accept: 'text/x-component', origin: base },
    body,
    signal,
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  return { http: res.status, ms, state: actionState(text), raw: text };
}

/** The action's return value in an RSC answer: the row whose JSON is an ActionState ({"status": …}). */
function actionState(text) {
  for (const line of text.split('\n')) {
    const i = line.indexOf(':');
    if (i < 0) continue;
    const json = line.slice(i + 1);
    if (!json.startsWith('{"status":')) continue;
    try {
      return JSON.parse(json);
    } catch {
      // a row of another kind
    }
  }
  return null;
}
