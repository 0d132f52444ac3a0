// Pure: the per-client rate limit's arithmetic. One fixed window per client and minute, counted in the database by
// one atomic upsert (lib/queries/api/rate-limit.ts), so two app processes count together.
export const RATE_WINDOW_MS = 60_000;
/** Calls per minute when the client has no limit of its own. */
export const DEFAULT_RATE_LIMIT = 120;

export function windowStartOf(now: Date): Date {
  return new Date(Math.floor(now.getTime() / RATE_WINDOW_MS) * RATE_WINDOW_MS);
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window ends (for Retry-After); at least 1. */
  resetSeconds: number;
}

export function decideRate(count: number, limit: number, windowStart: Date, now: Date): RateDecision {
  const resetMs = windowStart.getTime() + RATE_WINDOW_MS - now.getTime();
  return { allowed: count <= limit, limit, remaining: Math.max(0, limit - count), resetSeconds: Math.max(1, Math.ceil(resetMs / 1000)) };
}
