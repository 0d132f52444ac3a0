// Pure: no I/O. How often and how patiently an outward notice is retried: exponential backoff, then give up.
import 'server-only';
export interface RetryPolicy {
  /** Attempts in all, the first included; after the last failure the delivery is given up (failed). */
  maxAttempts: number;
  baseDelayMs: number;
}

/**
 * 30 s, 1 min, 2 min, 4 min, 8 min, 16 min: a gateway down for half an hour still gets the notice. Retries are
 * picked up by the notice sweep (in-process scheduler or `npm run notices:sweep`), so their timing is as fine as the
 * sweep's interval.
 */
export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 7, baseDelayMs: 30_000 };

/** The wait before attempt n+1 (n ≥ 1): base × 2^(n−1). */
export function backoffMs(policy: Pick<RetryPolicy, 'baseDelayMs'>, attempt: number): number {
  return policy.baseDelayMs * 2 ** (attempt - 1);
}

/** How long an attempt holds its delivery against other processes: longer than the webhook's 10 s timeout. */
export const ATTEMPT_LEASE_MS = 60_000;
