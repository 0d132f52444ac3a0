// Server only. Embedded database backup and restore, always through the database engine: the backup is PGlite's own
// dumpDataDir (a tarball of the data folder written by the engine that owns it, never files copied from under a
// running server), and the restore loads it into a new folder that replaces nothing.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { compareFingerprints, tableFingerprints } from '@/lib/db/backup/fingerprint';
import { lastMigration, verifyBackup, writeBackupSidecars, type BackupManifest } from '@/lib/db/backup/files';
import { pgliteConnection } from '@/lib/db/migrate';
import { acquireDataDirLock } from '@/lib/db/pglite-lock';

export interface PgliteBackupResult {
  manifest: BackupManifest;
  ms: number;
}

/**
 * Backs up an open PGlite instance, also one a running server is using (online). The copy is taken while no
 * transaction is open and no statement can run (PGlite's transaction lock, which its every query, exec and
 * transaction takes, Prisma's included): a transaction-consistent image of the data folder written by the
 * engine itself. The manifest's row counts and checksums are then computed from the copy, loaded into a throwaway
 * in-memory engine, so that they describe exactly what the file holds whatever the server did meanwhile.
 */
export async function backupPgliteInstance(db: PGlite, file: string, source: string): Promise<PgliteBackupResult> {
  const started = Date.now();
  // Fewer WAL segments to copy and to replay on restore; not needed for consistency.
  await db.exec('CHECKPOINT');
  // Every statement and transaction of PGlite takes this lock (it is not reentrant: nothing else may run inside).
  const blob = await db._runExclusiveTransaction(() => db.dumpDataDir('gzip'));
  const bytes = Buffer.from(await blob.arrayBuffer());
  fs.writeFileSync(file, bytes);
  const copy = await PGlite.create({ loadDataDir: new Blob([bytes]) });
  try {
    const conn = pgliteConnection(copy);
    const tables = await copy.transaction(async (tx) => tableFingerprints(pgliteConnection(tx)));
    const [{ version }] = await conn.query<{ version: string }>('SHOW server_version');
    const manifest: BackupManifest = {
      format: 'pglite-datadir-tgz',
      createdAt: new Date().toISOString(),
      source,
      serverVersion: version,
      lastMigration: await lastMigration(conn),
      tables,
    };
    writeBackupSidecars(file, manifest);
    return { manifest, ms: Date.now() - started };
  } finally {
    await copy.close();
  }
}

/**
 * Backs up the embedded data folder `dataDir` when no server runs on it (the folder's lock is taken first; while a
 * server holds it, this fails with the lock's message and `npm run db:backup` asks the server instead:
 * lib/db/backup/online.ts).
 */
export async function backupPgliteDir(dataDir: string, file: string): Promise<PgliteBackupResult> {
  const dir = path.resolve(dataDir);
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) throw new Error(`No embedded database in ${dir}`);
  const release = acquireDataDirLock(`${dir}.lock`);
  try {
    const db = await PGlite.create(dir);
    try {
      return await backupPgliteInstance(db, file, `embedded PostgreSQL (PGlite) in ${dataDir}`);
    } finally {
      await db.close();
    }
  } finally {
    release();
  }
}

function isEmptyDir(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/**
 * Restores a PGlite backup into `dataDir`, which must not exist or be empty. The archive is loaded into a sibling
 * folder and checked against the manifest; only then is it renamed into place, so a failed restore leaves nothing.
 */
export async function restorePgliteDir(file: string, dataDir: string): Promise<{ manifest: BackupManifest; ms: number }> {
  const started = Date.now();
  const manifest = verifyBackup(file);
  if (manifest.format !== 'pglite-datadir-tgz') throw new Error(`${file} is a ${manifest.format} backup, not an embedded one (set DATABASE_URL to restore it)`);
  const dir = path.resolve(dataDir);
  if (!isEmptyDir(dir)) throw new Error(`Refusing to restore into ${dir}: it is not empty. Restore into a new folder (PGLITE_DIR), or move the old one away first.`);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const release = acquireDataDirLock(`${dir}.lock`);
  const staging = `${dir}.restoring-${process.pid}`;
  try {
    fs.rmSync(staging, { recursive: true, force: true });
    const db = await PGlite.create(staging, { loadDataDir: new Blob([fs.readFileSync(file)]) });
    try {
      const restored = await db.transaction(async (tx) => tableFingerprints(pgliteConnection(tx)));
      const problems = compareFingerprints(manifest.tables, restored);
      if (problems.length > 0) throw new Error(`The backup does not reproduce its manifest: ${problems.join('; ')}`);
    } finally {
      await db.close();
    }
    if (fs.existsSync(dir)) fs.rmdirSync(dir);
    fs.renameSync(staging, dir);
    return { manifest, ms: Date.now() - started };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    release();
  }
}
