// Compares V8 heap snapshots (.heapsnapshot, as `node --heapsnapshot-signal`, DevTools or bench/inspector.mjs write
// them): count and shallow size per constructor in each, and what grew from the first to the last. A leak shows as a
// constructor whose count climbs with the load; a heap that only breathes shows counts that come back.
//
// Usage: node bench/heap-diff.mjs a.heapsnapshot b.heapsnapshot [c.heapsnapshot …] [--top 25]
import fs from 'node:fs';

/** Reads the integers of the JSON array that follows `"key":` in buf, without parsing the whole file as one string. */
export function intArray(buf, key) {
  let i = buf.indexOf(`"${key}":`);
  if (i < 0) throw new Error(`no ${key} in the snapshot`);
  i = buf.indexOf(0x5b /* [ */, i) + 1;
  const out = [];
  let n = 0;
  let inNumber = false;
  for (; ; i++) {
    const c = buf[i];
    if (c >= 0x30 && c <= 0x39) {
      n = n * 10 + (c - 0x30);
      inNumber = true;
    } else {
      if (inNumber) out.push(n);
      n = 0;
      inNumber = false;
      if (c === 0x5d /* ] */) return out;
    }
  }
}

export function summarise(file) {
  const buf = fs.readFileSync(file);
  const head = buf.subarray(0, 4096).toString();
  const meta = JSON.parse(head.slice(head.indexOf('{"node_fields"') === -1 ? head.indexOf('"meta":') + 7 : head.indexOf('{"node_fields"'), head.indexOf('},"node_count"') + 1));
  const fields = meta.node_fields;
  const types = meta.node_types[0];
  const nodes = intArray(buf, 'nodes');
  const s = buf.lastIndexOf('"strings":');
  const strings = JSON.parse(buf.subarray(buf.indexOf(0x5b, s), buf.lastIndexOf(0x5d) + 1).toString());
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const byName = new Map();
  let total = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = types[nodes[i + typeAt]];
    const size = nodes[i + sizeAt];
    total += size;
    // Objects by constructor; strings, code, arrays and the rest by their kind.
    const key = type === 'object' || type === 'closure' || type === 'native' ? `${strings[nodes[i + nameAt]]} (${type})` : `(${type})`;
    const e = byName.get(key) ?? { count: 0, size: 0 };
    e.count++;
    e.size += size;
    byName.set(key, e);
  }
  return { file, nodes: nodes.length / fields.length, total, byName };
}

function main() {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 25;
  const snaps = args.map(summarise);
  const mb = (b) => (b / 2 ** 20).toFixed(1);
  for (const s of snaps) console.log(`${s.file}: ${s.nodes.toLocaleString('en')} objects, ${mb(s.total)} MB`);
  const first = snaps[0];
  const last = snaps.at(-1);
  const keys = new Set([...first.byName.keys(), ...last.byName.keys()]);
  const rows = [...keys].map((k) => {
    const per = snaps.map((s) => s.byName.get(k) ?? { count: 0, size: 0 });
    return { k, per, dSize: per.at(-1).size - per[0].size, dCount: per.at(-1).count - per[0].count };
  });
  const print = (title, list) => {
    console.log(`\n${title}\n| constructor | ${snaps.map((_, i) => `#${i + 1} count / MB`).join(' | ')} | Δ count | Δ MB |`);
    console.log(`|---|${snaps.map(() => '---|').join('')}---|---|`);
    for (const r of list) console.log(`| ${r.k.slice(0, 60)} | ${r.per.map((p) => `${p.count.toLocaleString('en')} / ${mb(p.size)}`).join(' | ')} | ${r.dCount >= 0 ? '+' : ''}${r.dCount.toLocaleString('en')} | ${r.dSize >= 0 ? '+' : ''}${mb(r.dSize)} |`);
  };
  print(`largest growth, first → last (shallow size):`, [...rows].sort((a, b) => b.dSize - a.dSize).slice(0, top));
  print(`largest in the last snapshot:`, [...rows].sort((a, b) => b.per.at(-1).size - a.per.at(-1).size).slice(0, top));
}

if (import.meta.url === `file://${process.argv[1]}`) main();
