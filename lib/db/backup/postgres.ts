// Server only. PostgreSQL backup and restore with the server's own tools: a custom-format pg_dump taken in one
// snapshot (the manifest's counts and checksums come from the same snapshot), restored with pg_restore in a single
// transaction into an empty database, then verified against the manifest.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';
import { parsePostgresUrl } from '@/lib/db/client';
import { compareFingerprints, tableFingerprints } from '@/lib/db/backup/fingerprint';
import { lastMigration, verifyBackup, writeBackupSidecars, type BackupManifest } from '@/lib/db/backup/files';
import { pgConnection } from '@/lib/db/migrate';

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => reject(new Error(`${command} could not be started (${error.message}): install the PostgreSQL client tools`)));
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${command} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

/**
 * The archive's table of contents without the CREATE SCHEMA of a schema the target already has (every new database
 * has an empty "public"), so a dump of public restores into a fresh database.
 */
async function restoreList(file: string, schema: string, targetHasSchema: boolean, listFile: string): Promise<string> {
  const toc = await run('pg_restore', ['--list', file]);
  const isCreateSchema = (line: string) => /^\d+; \d+ \d+ SCHEMA - (\S+) /.exec(line)?.[1] === schema;
  const kept = toc.split('\n').filter((line) => !(targetHasSchema && isCreateSchema(line)));
  fs.writeFileSync(listFile, kept.join('\n'));
  return listFile;
}

function describe(connectionString: string, schema: string): string {
  const url = new URL(connectionString);
  return `PostgreSQL ${url.host}${url.pathname} (schema ${schema})`;
}

export interface BackupResult {
  manifest: BackupManifest;
  ms: number;
}

/** Dumps the schema named in the URL (`?schema=`, default public) of a PostgreSQL database to `file`. */
export async function backupPostgres(url: string, file: string): Promise<BackupResult> {
  const started = Date.now();
  const { connectionString, schema = 'public' } = parsePostgresUrl(url);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const conn = pgConnection(client);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const [{ snapshot }] = await conn.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
    const [{ version }] = await conn.query<{ version: string }>('SHOW server_version');
    await client.query(`SET LOCAL search_path TO "${schema.replace(/"/g, '""')}"`);
    const tables = await tableFingerprints(conn, schema);
    const migration = await lastMigration(conn);
    // pg_dump joins the exported snapshot: the archive holds exactly what the manifest describes, even under writes.
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, `--schema=${schema}`, `--file=${file}`, `--dbname=${connectionString}`]);
    await client.query('COMMIT');
    const manifest: BackupManifest = {
      format: 'pg_dump-custom',
      createdAt: new Date().toISOString(),
      source: describe(connectionString, schema),
      schema,
      serverVersion: version,
      lastMigration: migration,
      tables,
    };
    writeBackupSidecars(file, manifest);
    return { manifest, ms: Date.now() - started };
  } finally {
    await client.end();
  }
}

/** Names what makes a database not empty: any table, view or sequence outside the system schemas. */
async function existingObjects(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
      ORDER BY 1 LIMIT 5`,
  );
  return rows.map((row) => row.name);
}

export interface RestoreResult {
  manifest: BackupManifest;
  ms: number;
}

/**
 * Restores `file` into the (empty) database of `url`: all or nothing (pg_restore --single-transaction
 * --exit-on-error), then checks every table's row count and checksum against the manifest.
 */
export async function restorePostgres(file: string, url: string): Promise<RestoreResult> {
  const started = Date.now();
  const manifest = verifyBackup(file);
  if (manifest.format !== 'pg_dump-custom') throw new Error(`${file} is a ${manifest.format} backup, not a PostgreSQL one (unset DATABASE_URL to restore it)`);
  const { connectionString, schema } = parsePostgresUrl(url);
  if (schema && schema !== manifest.schema) {
    throw new Error(`The backup holds schema "${manifest.schema}" and restores under that name; the URL asks for "${schema}"`);
  }
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const existing = await existingObjects(client);
    if (existing.length > 0) {
      throw new Error(
        `Refusing to restore into a database that is not empty (it has ${existing.join(', ')}${existing.length === 5 ? ', …' : ''}). ` +
          'Restore into a new, empty database (createdb), then point DATABASE_URL at it.',
      );
    }
    const { rowCount } = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [manifest.schema]);
    const listFile = await restoreList(file, manifest.schema ?? 'public', (rowCount ?? 0) > 0, `${file}.restore-list-${process.pid}`);
    try {
      await run('pg_restore', ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', `--use-list=${listFile}`, `--dbname=${connectionString}`, file]);
    } finally {
      fs.rmSync(listFile, { force: true });
    }
    await client.query('BEGIN');
    const restored = await tableFingerprints(pgConnection(client), manifest.schema);
    await client.query('COMMIT');
    const problems = compareFingerprints(manifest.tables, restored);
    if (problems.length > 0) throw new Error(`Restored, but the data differs from the backup's manifest: ${problems.join('; ')}`);
    return { manifest, ms: Date.now() - started };
  } finally {
    await client.end();
  }
}
