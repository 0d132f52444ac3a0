// npm run db:backup [-- --out FILE]: backs up the configured database (DATABASE_URL, else the embedded PGLITE_DIR)
// into backups/ with a manifest and a checksum file. See docs/operations.md.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupPgliteDir } from '@/lib/db/backup/pglite';
import { backupPostgres } from '@/lib/db/backup/postgres';
import { env } from '@/lib/env';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const { DATABASE_URL, PGLITE_DIR } = env();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.resolve(values.out ?? path.join('backups', `beibei-${stamp}.${DATABASE_URL ? 'dump' : 'tar.gz'}`));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const { manifest, ms } = DATABASE_URL ? await backupPostgres(DATABASE_URL, file) : await backupPgliteDir(PGLITE_DIR, file);
  const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
  console.log(`Backed up ${manifest.source}: ${Object.keys(manifest.tables).length} tables, ${rows} rows, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB in ${(ms / 1000).toFixed(1)} s`);
  console.log(`  ${file}\n  ${file}.manifest.json\n  ${file}.sha256   (check by hand: sha256sum -c ${path.basename(file)}.sha256)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
