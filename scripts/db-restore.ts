// npm run db:restore -- FILE: restores a backup into the configured database, which must be empty (DATABASE_URL:
// a new database; embedded: a PGLITE_DIR that does not exist yet). Verifies checksums before and row counts and
// content checksums after. See docs/operations.md.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { restorePgliteDir } from '@/lib/db/backup/pglite';
import { restorePostgres } from '@/lib/db/backup/postgres';
import { env } from '@/lib/env';

async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true });
  if (positionals.length !== 1) throw new Error('Usage: npm run db:restore -- <backup file>');
  const file = path.resolve(positionals[0]);
  const { DATABASE_URL, PGLITE_DIR } = env();
  const { manifest, ms } = DATABASE_URL ? await restorePostgres(file, DATABASE_URL) : await restorePgliteDir(file, PGLITE_DIR);
  const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `Restored ${path.basename(file)} (taken ${manifest.createdAt} from ${manifest.source}) into ${DATABASE_URL ? new URL(DATABASE_URL).host + new URL(DATABASE_URL).pathname : PGLITE_DIR}: ` +
      `${Object.keys(manifest.tables).length} tables, ${rows} rows, every count and checksum matches, in ${(ms / 1000).toFixed(1)} s`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
