// No I/O. An in-process memo of values computed from the database, each stored with the data version it was computed
// at: a lookup with another version recomputes. Concurrent lookups share one computation; a failed one is forgotten.
// Once computed, an entry keeps the value and drops the promise: a promise carries the async context of the request
// that made it (Next's request store, its response), which a long-lived entry would otherwise keep alive.

export interface VersionMemo<T> {
  get(key: string, version: string, compute: () => Promise<T>): Promise<T>;
  /** The value for this key and version if it is computed already (not just under way); otherwise undefined. */
  peek(key: string, version: string): T | undefined;
  clear(): void;
  readonly size: number;
}

interface Entry<T> {
  version: string;
  /** While it is being computed. */
  pending?: Promise<T>;
  settled?: { value: T };
}

export function createVersionMemo<T>(maxEntries = 32): VersionMemo<T> {
  const entries = new Map<string, Entry<T>>();
  return {
    get(key, version, compute) {
      const hit = entries.get(key);
      if (hit && hit.version === version) {
        entries.delete(key);
        entries.set(key, hit); // most recently used last
        return hit.settled ? Promise.resolve(hit.settled.value) : hit.pending!;
      }
      const pending = compute();
      const entry: Entry<T> = { version, pending };
      entries.set(key, entry);
      pending.then(
        (value) => {
          entry.settled = { value };
          entry.pending = undefined;
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return pending;
    },
    peek(key, version) {
      const hit = entries.get(key);
      return hit && hit.version === version ? hit.settled?.value : undefined;
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
