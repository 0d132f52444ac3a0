// Server only. The in-process notice scheduler, started once per server process from instrumentation.ts: runs the
// notice sweep shortly after start and then every NOTICE_SWEEP_INTERVAL_SECONDS (default 300; 0 turns it off, e.g.
// when cron runs `npm run notices:sweep` instead). Sweeps never overlap within a process; across processes the
// database keeps them apart (Notice.dedupKey, the delivery lease), so running several servers is safe.
import 'server-only';
import { runNoticeSweep } from './sweep';

interface SchedulerState {
  timer: ReturnType<typeof setInterval> | null;
  running: boolean;
}

const KEY = Symbol.for('beibei.noticeScheduler');
const holder = globalThis as unknown as Record<symbol, SchedulerState | undefined>;

/** One sweep unless one is still running here; errors are logged, never thrown into the timer. */
export async function sweepOnce(log: (m: string) => void = (m) => console.log(`[notices] ${m}`)): Promise<void> {
  const state = (holder[KEY] ??= { timer: null, running: false });
  if (state.running) return;
  state.running = true;
  try {
    const { notices, deliveries } = await runNoticeSweep();
    if (notices.length || deliveries.length) {
      const failed = deliveries.filter((d) => d.status === 'failed').length;
      log(`sweep: ${notices.length} due/overdue notices, ${deliveries.length} deliveries attempted${failed ? `, ${failed} given up` : ''}`);
    }
  } catch (error) {
    console.error('[notices] sweep failed:', error);
  } finally {
    state.running = false;
  }
}

/** Starts the timer once per process (a second call, e.g. after a dev-server reload, does nothing). */
export function startNoticeScheduler(intervalSeconds: number): boolean {
  const state = (holder[KEY] ??= { timer: null, running: false });
  if (state.timer || intervalSeconds <= 0) return false;
  const interval = setInterval(() => void sweepOnce(), intervalSeconds * 1000);
  interval.unref();
  state.timer = interval;
  // The first sweep a little after start, once the server answers requests.
  setTimeout(() => void sweepOnce(), Math.min(15_000, intervalSeconds * 1000)).unref();
  return true;
}

export function stopNoticeScheduler(): void {
  const state = holder[KEY];
  if (state?.timer) clearInterval(state.timer);
  if (state) state.timer = null;
}
