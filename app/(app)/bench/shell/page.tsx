// The benchmark's second baseline: an empty page inside the signed-in layout (session check, navigation, demo banner),
// so that `bench/run.mjs` can tell the layout's cost from the overview's own. Not in the navigation.
import { connection } from 'next/server';

export const metadata = { robots: { index: false } };

export default async function ShellPage() {
  await connection();
  return <p>ok</p>;
}
