// Server only. The online backup as the route asks for it: the caller's token is checked here, inside the mutation,
// then the running embedded database is copied (lib/db/backup/online.ts) and the copy audited.
import 'server-only';
import { getDatabaseHandle } from '@/lib/db/client';
import { backupRunningPglite, isBackupToken, type OnlineBackup } from '@/lib/db/backup/online';

export type OnlineBackupOutcome = { ok: true; backup: OnlineBackup } | { ok: false; status: 401 | 409; error: string };

export async function takeOnlineBackup(presentedToken: string | null, dir: string): Promise<OnlineBackupOutcome> {
  const handle = await getDatabaseHandle();
  if (!handle.pglite || !handle.dataDir) return { ok: false, status: 409, error: 'This server does not run on an embedded data folder: on PostgreSQL use `npm run db:backup` (pg_dump) directly.' };
  if (!isBackupToken(handle.dataDir, presentedToken)) return { ok: false, status: 401, error: 'A backup needs the token the server wrote next to its data folder.' };
  return { ok: true, backup: await backupRunningPglite(dir) };
}
