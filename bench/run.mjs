// Overview benchmark (issue 5): the overview `/` against a trivial dynamic page of the same production build
// (`/bench/trivial`), side by side in one run, with a third page for reference: an empty page inside the signed-in
// layout (`/bench/shell`: session check, navigation), which tells the layout's cost from the overview's own. All on the demo data (every indicator monthly since 2023-01, all towns and
// parks). Measures time to first byte (sequential, interleaved), latency at 1 and 50 concurrent connections
// (autocannon), and the overview's first-load JavaScript (gzipped <script src> chunks it references).
//
// Load is applied two ways. Closed loop (autocannon): N connections each send the next request the moment the last one
// is answered, which measures capacity; at 50 connections latency is mostly queueing, 50 ÷ throughput. Users with think
// time: 50 simulated users, each loading a page, reading it for a random while (exponential, mean THINK), then loading the
// next, so arrivals are random as people's are. autocannon's own rate limits cannot do this: every connection sends its
// quota at the start of each second, all 50 in the same millisecond. The think time is then shortened step by step to
// find the highest rate at which the overview's p95 stays under 150 ms.
//
// Usage: npm run build && npm run bench
//   BENCH_DURATION=15       seconds per autocannon run (default 15)
//   BENCH_TTFB_SAMPLES=200  sequential TTFB samples per page (default 200)
//   BENCH_BASE_URL=http://127.0.0.1:3300   use a running server instead of starting one (it must have demo data)
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test   start the server on PostgreSQL (a fresh schema,
//                           dropped afterwards) instead of a fresh embedded database
//   NEXT_DIST_DIR=.next-x   the build folder (default .next)
// Both pages are requested with the same signed-in session cookie (demo account `leader`): the proxy sends requests
// without one to /sign-in. Writes bench/results/latest.json and prints a Markdown table.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import { BROWSER_UA, distDir, load, log, percentile, root, signIn, startServer, thinkingUsers } from './support.mjs';

const DURATION = Number(process.env.BENCH_DURATION || 15);
const TTFB_SAMPLES = Number(process.env.BENCH_TTFB_SAMPLES || 200);
const PAGES = { trivial: '/bench/trivial', shell: '/bench/shell', overview: '/' };
const NAMES = Object.keys(PAGES);

/** One GET: milliseconds to the response head (first byte) and to the end, and the body. */
function timedGet(base, pathname, cookie) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const url = new URL(pathname, base);
    const req = http.get({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers: { cookie, 'user-agent': BROWSER_UA, accept: 'text/html' } }, (res) => {
      const ttfb = performance.now() - t0;
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, ttfb, total: performance.now() - t0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
  });
}

async function measureTtfb(base, cookie) {
  const samples = Object.fromEntries(NAMES.map((n) => [n, []]));
  for (let i = 0; i < TTFB_SAMPLES; i++) {
    for (const name of i % 2 ? [...NAMES].reverse() : NAMES) {
      const r = await timedGet(base, PAGES[name], cookie);
      if (r.status !== 200) throw new Error(`${PAGES[name]} answered ${r.status}`);
      samples[name].push(r.ttfb);
    }
  }
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return { median: percentile(s, 50), p95: percentile(s, 95), samples: s.length };
  };
  return Object.fromEntries(NAMES.map((n) => [n, stats(samples[n])]));
}

/** Sums the gzipped size of the JavaScript chunks the page's HTML loads (<script src>), read from the build. */
function firstLoadJs(html) {
  // A modern browser skips `noModule` scripts (Next's legacy polyfills): they are not part of its first load.
  const tags = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+\.js)"([^>]*)>/g)].filter((m) => !/nomodule/i.test(m[1] + m[3]));
  const srcs = [...new Set(tags.map((m) => m[2]))];
  let raw = 0;
  let gzip = 0;
  for (const src of srcs) {
    const file = path.join(distDir, 'static', src.replace(/^\/_next\/static\//, '').split('?')[0]);
    const buf = fs.readFileSync(file);
    raw += buf.length;
    gzip += zlib.gzipSync(buf, { level: 9 }).length;
  }
  return { scripts: srcs.length, rawKB: raw / 1024, gzipKB: gzip / 1024 };
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;

async function main() {
  const server = process.env.BENCH_BASE_URL ? { base: process.env.BENCH_BASE_URL, stop: async () => {} } : await startServer(3200);
  try {
    const cookie = await signIn(server.base);
    const first = await timedGet(server.base, PAGES.overview, cookie);
    if (first.status !== 200 || !first.body.includes('国家高新技术企业')) throw new Error(`the overview did not render the plan (HTTP ${first.status})`);
    const js = firstLoadJs(first.body);
    log(`overview HTML ${(first.body.length / 1024).toFixed(0)} KB, first-load JS ${js.gzipKB.toFixed(1)} KB gzipped in ${js.scripts} scripts`);

    log('warming up');
    for (const p of Object.values(PAGES)) await autocannon({ url: `${server.base}${p}`, connections: 10, duration: 5, headers: { cookie, 'user-agent': BROWSER_UA } });

    log(`time to first byte: ${TTFB_SAMPLES} sequential requests per page, interleaved`);
    const ttfb = await measureTtfb(server.base, cookie);

    const runs = [];
    for (const connections of [1, 50]) {
      for (const name of NAMES) {
        log(`autocannon ${PAGES[name]}: ${connections} connection(s), closed loop, ${DURATION} s`);
        runs.push({ page: name, ...(await load(server.base, PAGES[name], cookie, connections, DURATION)) });
      }
    }
    const users = [];
    for (const name of NAMES) {
      log(`${PAGES[name]}: 50 users thinking 1 s on average between pages, ${DURATION} s`);
      users.push({ page: name, ...(await thinkingUsers(server.base, PAGES[name], cookie, { thinkMs: 1000, seconds: DURATION })) });
    }
    // Shorter and shorter think times: the busiest 50 users the overview serves with its p95 under 150 ms.
    const sweep = [];
    for (const thinkMs of [10000, 5000, 2000, 1000, 700, 500, 350, 250]) {
      const seconds = Math.max(DURATION, (thinkMs / 1000) * 4); // at least ~200 pages a step
      log(`/: 50 users thinking ${thinkMs} ms on average, ${seconds} s`);
      const r = await thinkingUsers(server.base, PAGES.overview, cookie, { thinkMs, seconds });
      sweep.push(r);
      if (r.p95 >= 150) break;
    }
    const withinTarget = sweep.filter((r) => r.p95 < 150).at(-1) ?? null;

    const result = {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, loadavg: os.loadavg() },
      build: path.relative(root, distDir),
      ttfb: { ...ttfb, ratio: ttfb.overview.median / ttfb.trivial.median, ratioToShell: ttfb.overview.median / ttfb.shell.median },
      database: server.database ?? 'running server',
      load: runs,
      users,
      sweep,
      overviewRateWithinP95Target: withinTarget?.rps ?? 0,
      firstLoadJs: js,
      coldOverviewMs: first.total,
      targets: { ttfbRatio: 1.5, p95At50ms: 150, firstLoadJsGzipKB: 150 },
    };
    fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
    fs.writeFileSync(path.join(root, 'bench', 'results', 'latest.json'), JSON.stringify(result, null, 2));

    const run = (page, c) => runs.find((r) => r.page === page && r.connections === c);
    const lines = [
      '| measure | trivial page | empty signed-in page | overview | target |',
      '|---|---|---|---|---|',
      `| TTFB median (sequential) | ${fmt(ttfb.trivial.median)} | ${fmt(ttfb.shell.median)} | ${fmt(ttfb.overview.median)} (×${result.ttfb.ratio.toFixed(2)}) | ≤ ×1.5 of trivial |`,
      `| TTFB p95 (sequential) | ${fmt(ttfb.trivial.p95)} | ${fmt(ttfb.shell.p95)} | ${fmt(ttfb.overview.p95)} | |`,
      ...[1, 50].flatMap((c) => [
        `| ${c} conn., closed loop: median / p95 latency | ${fmt(run('trivial', c).median)} / ${fmt(run('trivial', c).p95)} | ${fmt(run('shell', c).median)} / ${fmt(run('shell', c).p95)} | ${fmt(run('overview', c).median)} / ${fmt(run('overview', c).p95)} | |`,
        `| ${c} conn., closed loop: requests/s | ${run('trivial', c).rps.toFixed(0)} | ${run('shell', c).rps.toFixed(0)} | ${run('overview', c).rps.toFixed(0)} | |`,
      ]),
      `| 50 users, 1 s think time: median / p95 latency | ${users.map((u) => `${fmt(u.median)} / ${fmt(u.p95)}`).join(' | ')} | p95 < 150 ms |`,
      `| 50 users, 1 s think time: requests/s | ${users.map((u) => u.rps.toFixed(0)).join(' | ')} | |`,
      `| busiest 50 users with the overview's p95 < 150 ms | | | ${withinTarget ? `${withinTarget.rps.toFixed(0)} requests/s (think ${withinTarget.thinkMs} ms, p95 ${fmt(withinTarget.p95)})` : 'none'} | |`,
      `| first-load JS (gzipped) | | | ${js.gzipKB.toFixed(1)} KB (${js.scripts} scripts, ${js.rawKB.toFixed(0)} KB raw) | < 150 KB |`,
      `| first overview after start (computes everything) | | | ${fmt(first.total)} | |`,
    ];
    const failed = [...runs, ...users, ...sweep].reduce((n, r) => n + r.failed, 0);
    console.log(lines.join('\n'));
    console.log(`\nOverview, 50 users with shorter think times: ${sweep.map((r) => `${r.thinkMs} ms → ${r.rps.toFixed(0)}/s, p95 ${fmt(r.p95)}`).join('; ')}`);
    console.log(`\n${result.database}; ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, load average at the end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}${failed ? `; ${failed} failed requests` : ''}`);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
