// Every dashboard page at one connection (closed loop, autocannon): pages a second, median and p95, on the demo data.
// The overview benchmark (bench/run.mjs) measures the targets of issue 5; this one shows the pages a leader clicks
// next, so that a slow one is seen. The unit page is the first unit the units list links to.
//
// Usage: npm run build && node bench/pages.mjs
//   BENCH_DURATION=8   seconds per page (default 8, after 2 s of warming up)
//   BENCH_DATABASE_URL, NEXT_DIST_DIR: as for bench/run.mjs
import { load, log, signIn, startServer } from './support.mjs';

const DURATION = Number(process.env.BENCH_DURATION || 8);

async function main() {
  const server = await startServer(3210);
  try {
    const cookie = await signIn(server.base);
    const units = await (await fetch(`${server.base}/units`, { headers: { cookie } })).text();
    const unitId = units.match(/href="\/units\/(\d+)"/)?.[1];
    if (!unitId) throw new Error('no unit link on /units');
    const pages = ['/', '/tasks', '/units', `/units/${unitId}`, '/indicators/high_tech_enterprises', '/indicators/tech_contract_turnover'];
    const rows = [];
    for (const page of pages) {
      log(`${page}: warming up, then 1 connection for ${DURATION} s`);
      await load(server.base, page, cookie, 1, 2);
      const r = await load(server.base, page, cookie, 1, DURATION);
      if (r.failed) throw new Error(`${page}: ${r.failed} failed requests`);
      rows.push(`| \`${page}\` | ${r.rps.toFixed(0)} | ${r.median.toFixed(1)} ms | ${r.p95.toFixed(1)} ms |`);
    }
    console.log(['| page | pages/s | median | p95 |', '|---|---|---|---|', ...rows].join('\n'));
    console.log(`\n${server.database}`);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
