// Runs once when the server starts, before it answers requests.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { prepareOnStart } = await import('@/lib/startup');
  await prepareOnStart();
}
