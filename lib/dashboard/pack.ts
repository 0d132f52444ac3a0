// Pure: no I/O. Packs view data for a client component's props, and unpacks it there.
//
// Props of a client component travel to the browser twice: as the server-rendered HTML and as JSON inside the page's
// React payload. A list of view objects repeats every key in every row; packed, an array of objects becomes one
// header (its keys, listed once per page in `h`) and rows of values, so the payload carries little more than the
// words the HTML shows. `unpack(pack(x))` equals `x` for plain JSON data, with `undefined` fields read back as absent.

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Data as sent: `h` the key lists, `d` the value, where an array of objects is `["§<header>", [values…], …]`. */
export interface Packed {
  h: string[][];
  d: Json;
}

const MARK = '§';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function pack(value: unknown): Packed {
  const headers: string[][] = [];
  const index = new Map<string, number>();
  const header = (keys: string[]): number => {
    const id = keys.join('\u0000');
    let n = index.get(id);
    if (n === undefined) {
      n = headers.length;
      headers.push(keys);
      index.set(id, n);
    }
    return n;
  };
  const walk = (v: unknown): Json => {
    if (v === undefined || v === null) return null;
    if (Array.isArray(v)) {
      if (v.length && v.every(isRecord)) {
        const keys = [...new Set(v.flatMap((o) => Object.keys(o)))];
        return [`${MARK}${header(keys)}`, ...v.map((o) => keys.map((k) => walk(o[k])))];
      }
      return v.map(walk);
    }
    if (isRecord(v)) return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, walk(x)]));
    return v as Json;
  };
  return { h: headers, d: walk(value) };
}

export function unpack<T>({ h, d }: Packed): T {
  const walk = (v: Json): unknown => {
    if (Array.isArray(v)) {
      const [first, ...rows] = v;
      if (typeof first === 'string' && first.startsWith(MARK) && rows.every(Array.isArray)) {
        const keys = h[Number(first.slice(MARK.length))];
        if (keys) return rows.map((row) => Object.fromEntries(keys.map((k, i) => [k, walk((row as Json[])[i] ?? null)])));
      }
      return v.map(walk);
    }
    if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(d) as T;
}
