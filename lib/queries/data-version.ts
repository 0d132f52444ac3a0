// Server only. How far the database has been written to (the DataVersion row, moved by triggers at the commit of every
// writing transaction: see its migration). Reads never move it, so anything read after the version was taken is
// still current for as long as the database reports the same version. It lives in the database, so this holds across
// server processes and for writes made outside the application; and it is this database's own, so writes to other
// databases on the same server do not move it.
import 'server-only';
import { cache } from 'react';
import { getDb } from '@/lib/db/client';

export interface DataVersions {
  /** Moves with any write. */
  anything: string;
  /** Moves with a write to what the dashboards read: not with sessions, sign-ins or the audit log. */
  dashboard: string;
}

/** One single-row query, memoised per request: the session check and the dashboards share it. */
export const currentDataVersions = cache(async (): Promise<DataVersions> => {
  const db = await getDb();
  const [row] = await db.$queryRaw<{ epoch: string; anything: string; dashboard: string }[]>`
    SELECT "epoch", "anything"::text AS "anything", "dashboard"::text AS "dashboard" FROM "DataVersion"`;
  // The epoch keeps two databases with equal counts apart (a process-wide memo outlives a test's database).
  return { anything: `${row.epoch}:${row.anything}`, dashboard: `${row.epoch}:${row.dashboard}` };
});
