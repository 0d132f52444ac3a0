// The benchmark's second baseline: an empty page inside the signed-in layout (session check, navigation, demo banner),
// so that `bench/run.mjs` can tell the layout's cost from the overview's own. Not in the navigation.
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { env } from '@/lib/env';

export const metadata = { robots: { index: false } };

export default async function ShellPage() {
  await connection();
  // Only for a server started by bench/ (APP_BENCH_PAGES=1).
  if (env().APP_BENCH_PAGES !== '1') notFound();
  return <p>ok</p>;
}
