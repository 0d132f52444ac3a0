// The benchmark's baseline: a dynamic page of the same build that renders a short string and reads nothing. It sits
// outside the (app) group (no navigation, no data) so `bench/run.mjs` can compare the overview against it.
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { env } from '@/lib/env';

export const metadata = { robots: { index: false } };

export default async function TrivialPage() {
  await connection();
  // Only for a server started by bench/ (APP_BENCH_PAGES=1): it answers anyone who sends a cookie of the right name.
  if (env().APP_BENCH_PAGES !== '1') notFound();
  return <p>ok</p>;
}
