// The leader's pages side by side in one run (issue 11), on the demo data, signed in as the leader:
//   1. every dashboard page at one connection (closed loop, autocannon) against the empty signed-in page
//      `/bench/shell` of the same build: median and p95, and the median's ratio to the shell's
//      (targets: the overview within 2×, every dashboard page within 3×);
//   2. 50 simulated users with a mean think time of 1 s on the overview (target: p95 under 150 ms);
//   3. the overview's weight: HTML bytes (gzip off; target < 60 KB) and first-load JavaScript, gzipped (< 150 KB).
// The unit page is the first unit the units list links to.
//
// Usage: npm run build && npm run bench:pages
//   BENCH_DURATION=8   seconds per page at one connection (default 8, after 2 s of warming up) and of the users run
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test   on PostgreSQL (a fresh schema, dropped afterwards)
//   NEXT_DIST_DIR: as for bench/run.mjs
import os from 'node:os';
import { load, log, signIn, startServer, thinkingUsers } from './support.mjs';
import { weigh } from './weight.mjs';

const DURATION = Number(process.env.BENCH_DURATION || 8);
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
  const server = await startServer(Number(process.env.BENCH_PORT || 3210));
  try {
    const cookie = await signIn(server.base);
    const units = await (await fetch(`${server.base}/units`, { headers: { cookie } })).text();
    const unitId = units.match(/href="\/units\/(\d+)"/)?.[1];
    if (!unitId) throw new Error('no unit link on /units');
    const pages = ['/bench/shell', '/', '/tasks', '/tasks/7', '/units', `/units/${unitId}`, '/indicators/high_tech_enterprises', '/indicators/tech_contract_turnover'];
    const results = new Map();
    for (const page of pages) {
      log(`${page}: warming up, then 1 connection for ${DURATION} s`);
      await load(server.base, page, cookie, 1, 2);
      const r = await load(server.base, page, cookie, 1, DURATION);
      if (r.failed) throw new Error(`${page}: ${r.failed} failed requests`);
      results.set(page, r);
    }
    const shell = results.get('/bench/shell').median;
    const rows = pages.map((page) => {
      const r = results.get(page);
      const target = page === '/bench/shell' ? '' : page === '/' ? '≤ 2×' : '≤ 3×';
      const ratio = page === '/bench/shell' ? '1' : (r.median / shell).toFixed(2);
      return `| \`${page}\` | ${r.rps.toFixed(0)} | ${fmt(r.median)} | ${fmt(r.p95)} | ${ratio}× | ${target} |`;
    });
    console.log(['| page, 1 connection | pages/s | median | p95 | median ÷ shell | target |', '|---|---|---|---|---|---|', ...rows].join('\n'));

    log(`/: 50 users thinking 1 s on average between pages, ${Math.max(DURATION, 10)} s`);
    const users = await thinkingUsers(server.base, '/', cookie, { thinkMs: 1000, seconds: Math.max(DURATION, 10) });
    console.log(`\nOverview, 50 users thinking 1 s on average: ${users.rps.toFixed(0)} pages/s, median ${fmt(users.median)}, p95 ${fmt(users.p95)} (target < 150 ms)${users.failed ? `, ${users.failed} failed` : ''}`);

    const w = await weigh(server.base, '/', cookie);
    console.log(`Overview weight: HTML ${kb(w.html)} (of which ${kb(w.rsc)} the React payload; target < 60 KB), first-load JS ${kb(w.js)} gzipped in ${w.scripts} scripts (target < 150 KB${w.charts ? '; loads the chart library' : ', no chart library'})`);
    console.log(`\n${server.database}; ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, load average at the end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
