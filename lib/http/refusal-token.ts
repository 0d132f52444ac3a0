// A per-process secret shared by the proxy and app/api/refused-request: only the proxy's rewrite reaches that route,
// so nobody can write refusal rows of their choosing by calling it. Both run in the one Node.js server process.
const KEY = Symbol.for('beibei.refusalToken');

export const REFUSAL_HEADERS = { token: 'x-beibei-refusal', status: 'x-beibei-refusal-status', reason: 'x-beibei-refusal-reason', path: 'x-beibei-refusal-path' } as const;

export function refusalToken(): string {
  const store = globalThis as unknown as Record<symbol, string | undefined>;
  return (store[KEY] ??= crypto.randomUUID());
}
