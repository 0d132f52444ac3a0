// npm run test:faults: PostgreSQL stopped and started again under load (a restart with a 2-second outage), on a
// throwaway cluster of its own. Reporters keep saving their month through the domain function while viewers read
// forms; the run checks that
//   - every failure is either recognised as "database unavailable" (the retryable message users get) or an
//     expected domain error (a version conflict after an unconfirmed commit), never an unexpected error;
//   - the same process recovers by itself: every reporter saves again after the server is back, with no restart;
//   - no success was reported for a write that was not committed: every reported save is in the database's
//     value history with the value and version reported.
// Prints its figures and exits non-zero when a check fails.
import { isDatabaseUnavailable, isDomainError } from '@/lib/errors';
import { createCluster } from './cluster';

const PORT = Number(process.env.FAULTS_PG_PORT ?? 54397);
const WRITERS = 8;
const READERS = 4;
const BEFORE_MS = 4_000;
const OUTAGE_MS = 2_000;
const AFTER_MS = 8_000;
/** Names, codes and kinds along an error's cause chain: what isDatabaseUnavailable looks at. */
function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 6; depth++, e = (e as { cause?: unknown }).cause) {
    const { name, code, kind, originalCode, message, meta } = e as Record<string, unknown>;
    parts.push(JSON.stringify({ name, code, kind, originalCode, meta, message: String(message ?? '').split('\n').at(-1)?.slice(0, 120) }));
  }
  return parts.join(' <- ');
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const cluster = createCluster(PORT);
  process.env.DATABASE_URL = cluster.url;
  try {
    await run(cluster);
  } finally {
    const { closeDb } = await import('@/lib/db/client');
    await closeDb().catch(() => {});
    cluster.destroy();
  }
}

async function run(cluster: ReturnType<typeof createCluster>): Promise<void> {
  // Imported after DATABASE_URL is set: the environment is parsed once.
  const { systemActor } = await import('@/lib/actor');
  const { fixedClock } = await import('@/lib/clock');
  const { getDb } = await import('@/lib/db/client');
  const { loadPlan } = await import('@/lib/mutations/plan');
  const { saveDraft } = await import('@/lib/mutations/reporting/entry');
  const { getReportForm } = await import('@/lib/queries/reporting/form');
  const { readPlanFile } = await import('@/lib/plan/read-plan-file');
  const { env } = await import('@/lib/env');

  const MONTH = '2026-03';
  const clock = fixedClock('2026-04-02T02:00:00Z');
  const plan = readPlanFile(env().PLAN_FILE);
  await loadPlan(systemActor('faults'), plan);
  const db = await getDb();
  const units = await db.unit.findMany({ where: { planId: plan.id, kind: { not: 'region' } }, orderBy: { id: 'asc' } });

  const writers: { actor: import('@/lib/actor').Actor; key: string; version: number }[] = [];
  for (const unit of units) {
    if (writers.length === WRITERS) break;
    const user = await db.user.create({ data: { username: `faults_${unit.id}`, displayName: `faults ${unit.name}`, passwordHash: 'x', roles: ['unit_reporter'], unitId: unit.id, mustChangePassword: false } });
    const actor = { userId: user.id, username: user.username, roles: user.roles, unitId: unit.id, sessionId: null, ip: null };
    const form = await getReportForm(actor, { month: MONTH }, clock);
    const item = form.indicators.flatMap((i) => i.items)[0];
    if (item) writers.push({ actor, key: item.key, version: 0 });
  }

  const successes: { key: string; value: string; version: number; valueId: number; at: number }[] = [];
  const failures = { unavailable: 0, conflict: 0, unexpected: [] as string[] };
  const lastFailureAt: number[] = [];
  let reads = 0;
  let readFailures = 0;
  let stopping = false;
  let serverBackAt = Infinity;
  const t0 = Date.now();

  const write = async (w: (typeof writers)[number], index: number) => {
    let n = 0;
    while (!stopping) {
      const value = String(1000 + index * 100_000 + ++n);
      try {
        const result = await saveDraft(w.actor, { month: MONTH, values: { [w.key]: { value, version: w.version } }, tasks: {} }, clock);
        const saved = result.values[w.key];
        w.version = saved.version;
        successes.push({ key: w.key, value, version: saved.version, valueId: saved.id, at: Date.now() });
      } catch (error) {
        lastFailureAt[index] = Date.now();
        if (isDatabaseUnavailable(error)) failures.unavailable++;
        else if (isDomainError(error)) failures.conflict++;
        else failures.unexpected.push(describeError(error));
        // What a user does: wait, reload the form (its current version), try again.
        await sleep(200);
        try {
          const form = await getReportForm(w.actor, { month: MONTH }, clock);
          w.version = form.indicators.flatMap((i) => i.items).find((i) => i.key === w.key)?.current?.version ?? w.version;
        } catch {
          // still down: the next attempt will say so
        }
      }
    }
  };
  const read = async (index: number) => {
    while (!stopping) {
      try {
        await getReportForm(writers[index % writers.length].actor, { month: MONTH }, clock);
        reads++;
      } catch (error) {
        readFailures++;
        if (!isDatabaseUnavailable(error) && !isDomainError(error)) failures.unexpected.push(`read: ${describeError(error)}`);
        await sleep(200);
      }
      await sleep(50);
    }
  };

  const load = [...writers.map((w, i) => write(w, i)), ...Array.from({ length: READERS }, (_, i) => read(i))];
  await sleep(BEFORE_MS);
  const beforeRestart = successes.length;
  console.log(`restart: stopping PostgreSQL (fast) after ${beforeRestart} saves`);
  const downAt = Date.now();
  cluster.stop();
  await sleep(OUTAGE_MS);
  cluster.start();
  serverBackAt = Date.now();
  console.log(`restart: PostgreSQL back after ${serverBackAt - downAt} ms`);
  await sleep(AFTER_MS);
  stopping = true;
  await Promise.all(load);

  // Checks.
  const problems: string[] = [];
  if (failures.unexpected.length > 0) problems.push(`unexpected errors (not a clear retryable message): ${failures.unexpected.slice(0, 5).join(' | ')}`);
  if (failures.unavailable === 0) problems.push('no request noticed the outage: the scenario did not exercise anything');
  writers.forEach((w, i) => {
    if (!successes.some((s) => s.key === w.key && s.at > serverBackAt)) problems.push(`${w.actor.username} never saved again after the restart`);
    void i;
  });
  const events = await db.valueEvent.findMany({ select: { valueId: true, version: true, newValue: true } });
  const history = new Set(events.map((e) => `${e.valueId}:${e.version}:${e.newValue?.toString()}`));
  const missing = successes.filter((s) => !history.has(`${s.valueId}:${s.version}:${s.value}`));
  if (missing.length > 0) problems.push(`${missing.length} reported saves are not in the database: ${JSON.stringify(missing.slice(0, 3))}`);
  const recoveries = writers.map((w) => (successes.find((s) => s.key === w.key && s.at > serverBackAt)?.at ?? NaN) - serverBackAt);

  console.log(
    [
      `writers ${writers.length}, readers ${READERS}, ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      `saves reported: ${successes.length} (${beforeRestart} before the restart); every one found in the value history: ${missing.length === 0 ? 'yes' : 'NO'}`,
      `failed saves: ${failures.unavailable} "database unavailable" (retryable), ${failures.conflict} version conflicts on retry, ${failures.unexpected.length} unexpected`,
      `reads: ${reads} ok, ${readFailures} failed during the outage`,
      `first save after the server was back, per writer: ${recoveries.map((ms) => `${ms} ms`).join(', ')}`,
    ].join('\n'),
  );
  if (problems.length > 0) {
    console.error(`FAILED:\n- ${problems.join('\n- ')}`);
    process.exitCode = 1;
  } else {
    console.log('PASSED: clear retryable failures during the outage, recovery without a restart, no unconfirmed save reported');
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
