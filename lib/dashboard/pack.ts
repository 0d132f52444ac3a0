// Pure: no I/O. Packs view data for a client component's props, and unpacks it there.
//
// Props of a client component travel to the browser twice: as the server-rendered HTML and as JSON inside the page's
// React payload. A list of view objects repeats every key in every row, and the same words (a status, a month, a
// unit's name) in many rows. Packed, every string is listed once (`s`) and referred to by its index; an array of
// objects becomes one header (its keys, listed once in `h`, referred to as −1 − its index) and rows of values; a
// number is `{"#": n}` so that it is read as neither. `unpack(pack(x))` equals `x` for plain JSON data, `undefined` fields read back as null.

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Data as sent: `s` the strings (joined by `SEP` when none contains it), `h` the key lists, `d` the value. */
export interface Packed {
  s: string | string[];
  h: string[][];
  d: Json;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Joins the strings: one character where a list would cost a quote, a comma and a quote, each escaped twice. */
const SEP = '¦';
const NUMBER = '#';

export function pack(value: unknown): Packed {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const headers: string[][] = [];
  const headerIndex = new Map<string, number>();
  const ref = (s: string): number => {
    let n = stringIndex.get(s);
    if (n === undefined) {
      n = strings.length;
      strings.push(s);
      stringIndex.set(s, n);
    }
    return n;
  };
  const header = (keys: string[]): number => {
    const id = keys.join('\u0000');
    let n = headerIndex.get(id);
    if (n === undefined) {
      n = headers.length;
      headers.push(keys);
      headerIndex.set(id, n);
    }
    return n;
  };
  const walk = (v: unknown): Json => {
    if (v === undefined || v === null) return null;
    if (typeof v === 'string') return ref(v);
    if (typeof v === 'number') return { [NUMBER]: v };
    if (Array.isArray(v)) {
      if (v.length && v.every(isRecord)) {
        const keys = [...new Set(v.flatMap((o) => Object.keys(o)))];
        return [-1 - header(keys), ...v.map((o) => keys.map((k) => walk(o[k])))];
      }
      return v.map(walk);
    }
    if (isRecord(v)) return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, walk(x)]));
    return v as Json;
  };
  const d = walk(value);
  return { s: strings.some((x) => x.includes(SEP)) ? strings : strings.join(SEP), h: headers, d };
}

export function unpack<T>({ s: joined, h, d }: Packed): T {
  const s = typeof joined === 'string' ? joined.split(SEP) : joined;
  const walk = (v: Json): unknown => {
    if (typeof v === 'number') return s[v];
    if (Array.isArray(v)) {
      const [first, ...rows] = v;
      if (typeof first === 'number' && first < 0) {
        const keys = h[-1 - first];
        return rows.map((row) => Object.fromEntries(keys.map((k, i) => [k, walk((row as Json[])[i] ?? null)])));
      }
      return v.map(walk);
    }
    if (isRecord(v)) {
      if (typeof v[NUMBER] === 'number' && Object.keys(v).length === 1) return v[NUMBER];
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(d) as T;
}
