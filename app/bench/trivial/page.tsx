// The benchmark's baseline: a dynamic page of the same build that renders a short string and reads nothing. It sits
// outside the (app) group (no navigation, no data) so `bench/run.mjs` can compare the overview against it.
import { connection } from 'next/server';

export const metadata = { robots: { index: false } };

export default async function TrivialPage() {
  await connection();
  return <p>ok</p>;
}
