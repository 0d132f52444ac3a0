// Server only. The database's transaction snapshot (`xmin:xmax:in-progress xids`). Every committed write anywhere in
// the database changes it and reads never do, so anything read after a snapshot was taken is still current for as long
// as the database reports the same snapshot. It is database-wide, so this holds across server processes too.
import { cache } from 'react';
import { getDb } from '@/lib/db/client';

/** One cheap query, memoised per request: the session check and the dashboards' data version share it. */
export const currentSnapshot = cache(async (): Promise<string> => {
  const db = await getDb();
  const [{ snapshot }] = await db.$queryRaw<{ snapshot: string }[]>`SELECT pg_current_snapshot()::text AS snapshot`;
  return snapshot;
});
