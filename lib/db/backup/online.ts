// Server only. The online backup of the embedded database: a server on PGlite holds its data folder alone (one
// process, lib/db/pglite-lock.ts), so `npm run db:backup` asks that server to take the copy through its own engine
// (POST /api/ops/backup). The request proves it comes from someone who may read the data folder: a random token the
// server writes next to the folder at every start, readable by its owner only.
import 'server-only';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { systemActor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { getDatabaseHandle } from '@/lib/db/client';
import { backupPgliteInstance, type PgliteBackupResult } from '@/lib/db/backup/pglite';

/** Where the server keeps the token of the data folder `dataDir` (a sibling file, like its lock). */
export function backupTokenPath(dataDir: string): string {
  return `${path.resolve(dataDir)}.backup-token`;
}

/** A new token for this start, readable by the server's user only. */
export function writeBackupToken(dataDir: string): void {
  const file = backupTokenPath(dataDir);
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
}

/** True when `presented` is this folder's current token (compared in constant time). */
export function isBackupToken(dataDir: string, presented: string | null): boolean {
  if (!presented) return false;
  let expected: Buffer;
  try {
    expected = fs.readFileSync(backupTokenPath(dataDir));
  } catch {
    return false;
  }
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface OnlineBackup extends PgliteBackupResult {
  file: string;
}

/**
 * Backs up the embedded database this process is running on into `dir`, while it keeps serving: the copy waits for
 * open transactions to finish and holds new ones back only for the seconds the dump takes. Audited after the copy.
 */
export async function backupRunningPglite(dir: string): Promise<OnlineBackup> {
  const handle = await getDatabaseHandle();
  if (!handle.pglite) throw new Error('This server runs on PostgreSQL: back it up with `npm run db:backup` (pg_dump works while it runs).');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.resolve(dir, `beibei-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`);
  const result = await backupPgliteInstance(handle.pglite, file, handle.description);
  const rows = Object.values(result.manifest.tables).reduce((sum, t) => sum + t.rows, 0);
  await handle.prisma.$transaction(async (tx) => {
    await recordAudit(tx, systemActor('backup'), {
      event: 'database.backedUp',
      targetType: 'database',
      after: { file: path.basename(file), tables: Object.keys(result.manifest.tables).length, rows, ms: result.ms, online: true },
    });
  });
  return { ...result, file };
}
