// Server only. The files of a backup: the archive, its manifest (what it holds), and a sha256sum-style checksum file.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Fingerprints } from '@/lib/db/backup/fingerprint';
import type { SqlConnection } from '@/lib/db/migrate';

export interface BackupManifest {
  format: 'pg_dump-custom' | 'pglite-datadir-tgz';
  createdAt: string;
  /** Where it came from, for a person ("PostgreSQL 127.0.0.1:5432/beibei (schema public)"). */
  source: string;
  /** PostgreSQL: the schema dumped (restored under the same name). */
  schema?: string;
  serverVersion: string;
  lastMigration: string | null;
  tables: Fingerprints;
}

export function manifestPath(archive: string): string {
  return `${archive}.manifest.json`;
}

export function checksumPath(archive: string): string {
  return `${archive}.sha256`;
}

export function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(/*turbopackIgnore: true*/ file)).digest('hex');
}

/** Writes the manifest and the checksum file (verifiable by hand with `sha256sum -c <archive>.sha256`). */
export function writeBackupSidecars(archive: string, manifest: BackupManifest): void {
  fs.writeFileSync(manifestPath(archive), `${JSON.stringify(manifest, null, 2)}\n`);
  const lines = [archive, manifestPath(archive)].map((file) => `${sha256File(file)}  ${path.basename(file)}`);
  fs.writeFileSync(checksumPath(archive), `${lines.join('\n')}\n`);
}

/** Checks the archive and manifest against the checksum file and returns the manifest; throws on any mismatch. */
export function verifyBackup(archive: string): BackupManifest {
  for (const file of [archive, manifestPath(archive), checksumPath(archive)]) {
    if (!fs.existsSync(/*turbopackIgnore: true*/ file)) throw new Error(`Backup incomplete: ${file} is missing`);
  }
  const expected = new Map<string, string>();
  for (const line of fs.readFileSync(checksumPath(archive), 'utf8').split('\n')) {
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.trim());
    if (match) expected.set(match[2], match[1]);
  }
  for (const file of [archive, manifestPath(archive)]) {
    const want = expected.get(path.basename(file));
    if (!want) throw new Error(`Backup checksum file does not list ${path.basename(file)}`);
    if (sha256File(file) !== want) throw new Error(`Backup damaged: the checksum of ${path.basename(file)} does not match ${path.basename(checksumPath(archive))}`);
  }
  return JSON.parse(fs.readFileSync(manifestPath(archive), 'utf8')) as BackupManifest;
}

export async function lastMigration(conn: SqlConnection): Promise<string | null> {
  const rows = await conn.query<{ name: string | null }>(
    `SELECT max(migration_name) AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return rows[0]?.name ?? null;
}
