// Server start only. An Error keeps its stack as structured frames until someone reads `.stack`, and each frame holds
// its receiver and function, so an error nobody reads keeps alive whatever those frames touched.
//
// React's server renderer aborts every finished render's cacheSignal with such an error ("This render completed
// successfully…", react/react#37288; the fix, #37289, is not in the React that Next 16.4 bundles), and Next keeps the
// signal with the request. Under load the frames include the Immediate that ran the render's last flush; Node leaves
// the run Immediates of one batch linked to each other, and each carries the async context of the request that queued
// it. So every finished request held, through its abort reason, the requests rendering beside it, and they the next
// ones: one chain from the first request to the last, and the server's heap grew by every page it served
// (docs/benchmarks.md, "Month-end peak": the two defects that bench found).
//
// Reading `.stack` once, right after the abort, turns the frames into a string and lets them go. The cost is one stack
// formatted per aborted signal, a few microseconds.

const PATCHED = Symbol.for('beibei.abortReasonStacksReleased');

/** Makes every AbortController format its Error reason's stack as it aborts. Idempotent. */
export function releaseAbortReasonStacks(): void {
  const proto = AbortController.prototype as AbortController & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  const abort = proto.abort;
  proto.abort = function abortAndReleaseStack(this: AbortController, reason?: unknown) {
    abort.call(this, reason);
    const stored: unknown = this.signal.reason;
    if (stored instanceof Error) void stored.stack;
  };
  Object.defineProperty(proto, PATCHED, { value: true });
}
