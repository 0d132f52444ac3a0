// The weight of the dashboard pages as a browser receives them, signed in as the leader on the demo data: HTML bytes
// (uncompressed, and how much of it is the serialized React payload that hydrates client components), and the
// first-load JavaScript: the gzip size of every script the HTML loads. Targets (issue 11): overview HTML < 60 KB,
// overview first-load JS < 150 KB gzipped.
//
// Usage: npm run build && node bench/weight.mjs        (BENCH_DATABASE_URL, NEXT_DIST_DIR: as for bench/run.mjs)
//   BENCH_PAGES="/ /tasks"   pages to weigh (default: the overview, the task list, a task, the units list, an indicator)
//   BENCH_LANG=en             weigh the English pages (the locale cookie)
//   BENCH_SAVE=/tmp/dir       also save each page's HTML there
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { log, signIn, startServer } from './support.mjs';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The bytes of the inline `self.__next_f.push(...)` scripts: the RSC payload serialized into the HTML. */
function rscBytes(html) {
  let total = 0;
  for (const m of html.matchAll(/<script[^>]*>(self\.__next_f\.push\([\s\S]*?)<\/script>/g)) total += Buffer.byteLength(m[1]);
  return total;
}

export async function weigh(base, pathname, cookie) {
  // The first request of a data version computes the figures and streams them behind skeletons; weigh the page as
  // every later visitor gets it (complete HTML in one pass).
  await (await fetch(`${base}${pathname}`, { headers: { cookie, accept: 'text/html' } })).text();
  const res = await fetch(`${base}${pathname}`, { headers: { cookie, accept: 'text/html' } });
  if (res.status !== 200) throw new Error(`${pathname}: HTTP ${res.status}`);
  const html = await res.text();
  if (process.env.BENCH_SAVE) fs.writeFileSync(path.join(process.env.BENCH_SAVE, `${pathname.replace(/\W+/g, '_') || 'root'}.html`), html);
  // A modern browser skips `noModule` scripts (Next's legacy polyfills), so they are not part of its first load.
  const tags = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)].filter((m) => !/nomodule/i.test(m[1] + m[3]));
  const scripts = [...new Set(tags.map((m) => m[2].replace(/&amp;/g, '&')))];
  let js = 0;
  let jsRaw = 0;
  let charts = false;
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(new URL(src, base), { headers: { cookie } })).arrayBuffer());
    jsRaw += body.length;
    charts ||= body.includes('recharts-surface'); // the chart library's own class name
    js += zlib.gzipSync(body, { level: 9 }).length;
  }
  return { pathname, html: Buffer.byteLength(html), rsc: rscBytes(html), scripts: scripts.length, js, jsRaw, charts };
}

async function main() {
  const server = await startServer(Number(process.env.BENCH_PORT || 3213));
  try {
    let cookie = await signIn(server.base);
    if (process.env.BENCH_LANG) cookie += `; locale=${process.env.BENCH_LANG}`;
    const pages = process.env.BENCH_PAGES?.split(/\s+/).filter(Boolean) ?? ['/', '/tasks', '/tasks/7', '/units', '/indicators/high_tech_enterprises'];
    const rows = [];
    for (const page of pages) {
      log(`weighing ${page}`);
      const w = await weigh(server.base, page, cookie);
      rows.push(`| \`${w.pathname}\` | ${kb(w.html)} | ${kb(w.rsc)} | ${w.scripts} | ${kb(w.jsRaw)} | ${kb(w.js)} | ${w.charts ? 'yes' : 'no'} |`);
    }
    console.log(['| page | HTML | of which RSC payload | scripts | JS | JS gzipped | chart library loaded |', '|---|---|---|---|---|---|---|', ...rows].join('\n'));
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
