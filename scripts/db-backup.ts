// npm run db:backup [-- --out FILE] [-- --url http://127.0.0.1:3000]: backs up the configured database
// (DATABASE_URL, else the embedded PGLITE_DIR) into backups/ with a manifest and a checksum file.
//   PostgreSQL: pg_dump, while the servers keep running.
//   Embedded, no server running: the data folder is opened and dumped by this process.
//   Embedded, a server running on it: the server takes the copy through its own engine (POST /api/ops/backup, with
//   the token it wrote next to the folder) and writes it into its backups/ (or BACKUP_DIR); --url names the server
//   (default APP_URL, else NEXTAUTH_URL, else http://127.0.0.1:$PORT or :3000). See docs/operations.md.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupTokenPath } from '@/lib/db/backup/online';
import { backupPgliteDir } from '@/lib/db/backup/pglite';
import { backupPostgres } from '@/lib/db/backup/postgres';
import { env } from '@/lib/env';

async function askRunningServer(dataDir: string, url: string): Promise<void> {
  const tokenFile = backupTokenPath(dataDir);
  if (!fs.existsSync(tokenFile)) throw new Error(`A server holds ${dataDir} but left no backup token (${tokenFile}): is it an older version? Stop it and run db:backup again.`);
  const res = await fetch(new URL('/api/ops/backup', url), { method: 'POST', headers: { authorization: `Bearer ${fs.readFileSync(tokenFile, 'utf8').trim()}` } });
  const body = (await res.json().catch(() => ({}))) as { file?: string; tables?: number; rows?: number; ms?: number; error?: string; source?: string };
  if (!res.ok) throw new Error(`The running server (${url}) refused the backup: HTTP ${res.status} ${body.error ?? ''}`);
  console.log(`Backed up ${body.source} online, through the running server at ${url}: ${body.tables} tables, ${body.rows} rows in ${((body.ms ?? 0) / 1000).toFixed(1)} s`);
  console.log(`  ${body.file}\n  ${body.file}.manifest.json\n  ${body.file}.sha256   (check by hand: sha256sum -c ${path.basename(body.file ?? '')}.sha256)`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, url: { type: 'string' } } });
  const { DATABASE_URL, PGLITE_DIR } = env();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.resolve(values.out ?? path.join('backups', `beibei-${stamp}.${DATABASE_URL ? 'dump' : 'tar.gz'}`));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let result;
  try {
    result = DATABASE_URL ? await backupPostgres(DATABASE_URL, file) : await backupPgliteDir(PGLITE_DIR, file);
  } catch (error) {
    if (DATABASE_URL || !(error instanceof Error) || !/is in use by process/.test(error.message)) throw error;
    const url = values.url ?? process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
    return askRunningServer(PGLITE_DIR, url);
  }
  const { manifest, ms } = result;
  const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
  console.log(`Backed up ${manifest.source}: ${Object.keys(manifest.tables).length} tables, ${rows} rows, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB in ${(ms / 1000).toFixed(1)} s`);
  console.log(`  ${file}\n  ${file}.manifest.json\n  ${file}.sha256   (check by hand: sha256sum -c ${path.basename(file)}.sha256)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
