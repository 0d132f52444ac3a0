// Runs once when the server starts, before it answers requests. A server that cannot prepare its database (the
// embedded folder held by another process, a failed migration, demo accounts in production) must not go on
// listening and answer every request with a 500: it says why and exits non-zero, so a supervisor or the operator sees it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Before the first render: otherwise every finished page stays in memory (lib/runtime/abort-reasons.ts).
  const { releaseAbortReasonStacks } = await import('@/lib/runtime/abort-reasons');
  releaseAbortReasonStacks();
  const { prepareOnStart } = await import('@/lib/startup');
  try {
    await prepareOnStart();
    const { env } = await import('@/lib/env');
    const { startNoticeScheduler } = await import('@/lib/mutations/notices/scheduler');
    if (startNoticeScheduler(env().NOTICE_SWEEP_INTERVAL_SECONDS)) console.log(`[start] notice sweep every ${env().NOTICE_SWEEP_INTERVAL_SECONDS} s`);
  } catch (error) {
    console.error(`[start] the server cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
