// Pure: no I/O. How often and how patiently an outward notice is retried: exponential backoff, then give up.
import 'server-only';
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1_000 };

/** The wait before attempt n+1 (n ≥ 1): base × 2^(n−1). */
export function backoffMs(policy: Pick<RetryPolicy, 'baseDelayMs'>, attempt: number): number {
  return policy.baseDelayMs * 2 ** (attempt - 1);
}
