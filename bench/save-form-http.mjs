// Saving a unit's whole monthly form through the server action, with 20 reporters at once: p95 target < 150 ms.
// The production build on a PostgreSQL database of its own (bench/http-actions.mjs); each round, the reporters of
// the 20 units with the largest forms POST their whole month at the same moment (every figure and task changed; a unit
// that submitted the month in the demo data takes it back first with 撤回, so its whole form is editable; as
// the browser posts the form: `Next-Action` and multipart form data), then reload their page for the new versions
// (not timed). The first round is a warm-up. The time is the whole answer of the action. With `--intent submit` each
// save is 保存并报送 (save and submit), and every unit takes the month back with 撤回 after the round (not timed).
// The server's CPU time (the `next start` process tree, from /proc) is read around the timed saves: CPU per save.
//
// Usage: npm run build && npm run bench:save-form [-- --rounds 30 --concurrency 20 --port 3252 --intent submit]
import { actionIdByName, callAction, createReporters, formFields, options, parseReportForm, REPORTER_PASSWORD, startPgServer, treeCpuMs } from './http-actions.mjs';
import { log, percentile, signIn } from './support.mjs';

const opt = options({ rounds: 30, concurrency: 20, port: 3252, keep: false, intent: 'save' });

async function main() {
  // BENCH_SERVER_NODE_ARGS (space-separated) go to the server's node, e.g. --cpu-prof --cpu-prof-dir=/tmp/prof.
  const server = await startPgServer({ port: opt.port, prefix: 'saveform', keep: opt.keep, nodeArgs: (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean) });
  let failures = 0;
  try {
    const { base, pool } = server;
    const reps = await createReporters(pool, 'saveform');
    const month = '2026-10';
    const page = `/report/${month}`;
    const withdrawId = actionIdByName('withdrawAction');
    for (const r of reps) {
      r.cookie = await signIn(base, r.username, REPORTER_PASSWORD);
      r.form = parseReportForm(await (await fetch(`${base}${page}`, { headers: { cookie: r.cookie } })).text());
      // A unit that submitted the month in the demo data takes it back first (撤回): its whole form is editable again.
      if (r.form?.withdrawVersion) {
        const out = await callAction(base, page, r.cookie, withdrawId, [['month', month], ['version', String(r.form.withdrawVersion)]]);
        if (out.state?.status !== 'success') log(`${r.unitName}: not withdrawn (${out.state?.message})`);
        r.form = parseReportForm(await (await fetch(`${base}${page}`, { headers: { cookie: r.cookie } })).text());
      }
      r.size = r.form ? r.form.values.length + r.form.tasks.length : 0;
    }
    const chosen = reps.filter((r) => r.size > 0).sort((a, b) => b.size - a.size).slice(0, opt.concurrency);
    log(`${chosen.length} reporters, forms of ${chosen.at(-1).size}–${chosen[0].size} fields, ${opt.rounds} rounds + 1 warm-up`);
    const latencies = [];
    const reloads = [];
    const started = performance.now();
    let timed = 0;
    let cpu = 0;
    for (let round = 0; round <= opt.rounds; round++) {
      const t0 = performance.now();
      const cpu0 = treeCpuMs(server.pid);
      await Promise.all(
        chosen.map(async (r) => {
          const out = await callAction(base, page, r.cookie, r.form.actionId, formFields(r.form, round + 1, opt.intent));
          if (out.http !== 200 || out.state?.status !== 'success') {
            failures++;
            console.error(`round ${round} ${r.unitName}: ${out.state?.message ?? `HTTP ${out.http}`}`);
          } else if (round > 0) latencies.push(out.ms);
        }),
      );
      if (round > 0) {
        timed += performance.now() - t0;
        cpu += treeCpuMs(server.pid) - cpu0;
      }
      await Promise.all(
        chosen.map(async (r) => {
          if (opt.intent === 'submit') {
            const shown = parseReportForm(await (await fetch(`${base}${page}`, { headers: { cookie: r.cookie } })).text());
            const out = await callAction(base, page, r.cookie, withdrawId, [['month', month], ['version', String(shown?.withdrawVersion)]]);
            if (out.state?.status !== 'success') console.error(`round ${round} ${r.unitName}: not withdrawn (${out.state?.message})`);
          }
          const t1 = performance.now();
          r.form = parseReportForm(await (await fetch(`${base}${page}`, { headers: { cookie: r.cookie } })).text());
          if (round > 0) reloads.push(performance.now() - t1);
        }),
      );
    }
    const total = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const fields = chosen.reduce((n, r) => n + r.size, 0);
    const load = (await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' / ');
    const ms = (x) => `${x.toFixed(0)} ms`;
    console.log(`save-form over HTTP: saveReportAction (intent=${opt.intent}) through \`next start\`, PostgreSQL ${server.dbName}, ${total.toFixed(0)} s`);
    console.log(`  ${chosen.length} reporters of ${chosen.length} units saving at once, ${opt.rounds} rounds (+1 warm-up), ${fields} fields a round, every one changed`);
    console.log(`  saves: ${latencies.length}, failures: ${failures}, throughput while saving: ${(latencies.length / (timed / 1000)).toFixed(1)} saves/s`);
    console.log(`  server CPU while saving: ${(cpu / 1000).toFixed(1)} s, ${(cpu / latencies.length).toFixed(1)} ms a save`);
    console.log(`  p50 ${ms(percentile(latencies, 50))}  p95 ${ms(percentile(latencies, 95))}  p99 ${ms(percentile(latencies, 99))}  max ${ms(latencies.at(-1))}`);
    reloads.sort((a, b) => a - b);
    console.log(`  (the page reloaded afterwards, all at once, for comparison: p50 ${ms(percentile(reloads, 50))}  p95 ${ms(percentile(reloads, 95))})`);
    console.log(`  machine load at the end (1/5/15 min): ${load}`);
  } finally {
    await server.stop();
  }
  if (failures > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
