// Why a heap snapshot keeps objects of one constructor: the shortest path from the GC roots to a few of them (weak
// edges and WeakMap entries left out), grouped so that the paths shared by many objects show first.
//
// Usage: node bench/heap-retainers.mjs file.heapsnapshot <ServerResponse | @id | *> [--samples 200] [--show 5] [--cut kResourceStore --hops 4]
//        [--since earlier.heapsnapshot]
// --since keeps only the objects the earlier snapshot of the same process did not hold (ids are never reused): what
// was allocated between the two and survived; with * every such object, whatever its constructor.
import fs from 'node:fs';
import { intArray } from './heap-diff.mjs';


const args = process.argv.slice(2);
const opt = (name, d) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : d;
};
const samples = opt('samples', 200);
const show = opt('show', 5);
const hops = opt('hops', 4);
const cutAt = args.indexOf('--cut');
const cut = cutAt >= 0 ? args.splice(cutAt, 2)[1] : null;
const sinceAt = args.indexOf('--since');
const sinceFile = sinceAt >= 0 ? args.splice(sinceAt, 2)[1] : null;
const [file, wanted] = args;
const buf = fs.readFileSync(file);
const head = buf.subarray(0, 4096).toString();
const meta = JSON.parse(head.slice(head.indexOf('{"node_fields"'), head.indexOf('},"node_count"') + 1));
const nodes = Int32Array.from(intArray(buf, 'nodes'));
const edges = Int32Array.from(intArray(buf, 'edges'));
const s = buf.lastIndexOf('"strings":');
const strings = JSON.parse(buf.subarray(buf.indexOf(0x5b, s), buf.lastIndexOf(0x5d) + 1).toString());
const NF = meta.node_fields.length;
const EF = meta.edge_fields.length;
const nodeTypes = meta.node_types[0];
const edgeTypes = meta.edge_types[0];
const [nType, nName, nEdges, nSize] = ['type', 'name', 'edge_count', 'self_size'].map((f) => meta.node_fields.indexOf(f));
const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => meta.edge_fields.indexOf(f));
const count = nodes.length / NF;
const firstEdge = new Int32Array(count + 1);
for (let i = 0; i < count; i++) firstEdge[i + 1] = firstEdge[i] + nodes[i * NF + nEdges] * EF;

// Breadth-first from the root: each node's parent on a shortest path (weak edges do not retain).
const parent = new Int32Array(count).fill(-1);
const parentEdge = new Int32Array(count).fill(-1);
parent[0] = 0;
const queue = new Int32Array(count);
let qh = 0;
let qt = 0;
queue[qt++] = 0;
while (qh < qt) {
  const n = queue[qh++];
  for (let e = firstEdge[n]; e < firstEdge[n + 1]; e += EF) {
    if (edgeTypes[edges[e + eType]] === 'weak') continue;
    // A WeakMap entry's value is held only while its key is held elsewhere; the snapshot writes it as an edge from
    // the table ("part of key … -> value …"), which a walk from the roots must not follow as if it were strong.
    if (edgeTypes[edges[e + eType]] === 'internal' && String(strings[edges[e + eName]]).includes(' / part of key ')) continue;
    const to = edges[e + eTo] / NF;
    if (parent[to] !== -1) continue;
    parent[to] = n;
    parentEdge[to] = e;
    queue[qt++] = to;
  }
}

const label = (n) => `${nodeTypes[nodes[n * NF + nType]]}:${String(strings[nodes[n * NF + nName]]).slice(0, 50)}`;
const edgeLabel = (e) => {
  const t = edgeTypes[edges[e + eType]];
  return t === 'element' || t === 'hidden' ? `[${edges[e + eName]}]` : `.${String(strings[edges[e + eName]]).slice(0, 40)}`;
};
const nId = meta.node_fields.indexOf('id');
/** The ids an earlier snapshot held (its node fields are the same: one process, one V8). */
function idsOf(path) {
  const earlier = fs.readFileSync(path);
  const all = intArray(earlier, 'nodes');
  const ids = new Set();
  for (let i = nId; i < all.length; i += NF) ids.add(all[i]);
  return ids;
}
const before = sinceFile ? idsOf(sinceFile) : null;
const isNew = (i) => before === null || !before.has(nodes[i * NF + nId]);
const matches = [];
// A constructor's name, or @<id> for one object (the ids DevTools and the paths here show).
if (wanted.startsWith('@')) {
  for (let i = 0; i < count; i++) if (nodes[i * NF + nId] === Number(wanted.slice(1))) matches.push(i);
}
else if (wanted === '*') {
  for (let i = 0; i < count; i++) if (isNew(i) && nodeTypes[nodes[i * NF + nType]] === 'object') matches.push(i);
} else for (let i = 0; i < count; i++) if (strings[nodes[i * NF + nName]] === wanted && nodeTypes[nodes[i * NF + nType]] === 'object' && isNew(i)) matches.push(i);
// Spread the samples over all the matches rather than the first ones in the file's order.
const total = matches.length;
if (matches.length > samples) {
  const step = matches.length / samples;
  const spread = Array.from({ length: samples }, (_, k) => matches[Math.floor(k * step)]);
  matches.length = 0;
  matches.push(...spread);
}
console.log(`${total} × ${wanted}${before ? ' (new since the earlier snapshot)' : ''}; of ${matches.length} sampled, ${matches.filter((m) => parent[m] === -1).length} unreachable`);
const paths = new Map();
for (const m of matches.slice(0, samples)) {
  const chain = [];
  for (let n = m; n !== 0 && parent[n] !== -1 && chain.length < 60; n = parent[n]) chain.push(`${label(parent[n])} ${edgeLabel(parentEdge[n])}`);
  chain.reverse();
  // With --cut WORD, a path is shown up to its first edge naming WORD, its last `--hops` steps: who holds on.
  const at = cut ? chain.findIndex((c) => c.includes(cut)) : -1;
  const shown = at >= 0 ? chain.slice(Math.max(0, at - hops + 1), at + 1) : chain;
  // Element indices (a queue's slot, an array's position) differ per object; the path is the same.
  const key = shown.join('\n   → ').replace(/\[\d+\]/g, '[…]');
  paths.set(key, (paths.get(key) ?? 0) + 1);
}
for (const [p, n] of [...paths].sort((a, b) => b[1] - a[1]).slice(0, show)) console.log(`\n${n} ×\n   ${p}`);
void nSize;
