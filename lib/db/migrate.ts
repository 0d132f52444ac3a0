// Server only. Applies prisma/migrations/*/migration.sql in order, recorded in Prisma's own _prisma_migrations table.
//
// No schema engine is involved (it cannot be downloaded offline): migration files are plain SQL. The bookkeeping
// matches `prisma migrate deploy`, so a database migrated here looks the same to Prisma's CLI on a connected machine.
// Differences, on purpose: each migration runs in one transaction together with its _prisma_migrations row, so a
// failing migration leaves neither its changes nor a "failed" row behind; and migration files must therefore not
// contain BEGIN/COMMIT or statements that cannot run in a transaction (CREATE INDEX CONCURRENTLY, …).
//
// Nothing is schema-qualified: everything goes to the first schema of the connection's search_path.
import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { ClientBase } from 'pg';

export interface SqlConnection {
  /** One statement with $1… parameters; returns rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters (a migration file). */
  exec(sql: string): Promise<void>;
}

/** Key of the session-level advisory lock held while migrating ("beibei" in ASCII): one migrator per database. */
const LOCK_KEY = '108187699275113';

// Prisma's own definition (schema engine, PostgreSQL flavour), made idempotent.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

function defaultDir(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), 'prisma', 'migrations');
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The migrations on disk, sorted by folder name; checksum = sha256 (hex) of the migration.sql bytes. */
export function listMigrations(dir: string = defaultDir()): { name: string; checksum: string; sql: string }[] {
  if (!fs.existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, 'migration.sql');
      if (!fs.existsSync(/*turbopackIgnore: true*/ file)) throw new Error(`Migration folder ${name} has no migration.sql (${dir})`);
      const bytes = fs.readFileSync(/*turbopackIgnore: true*/ file);
      return { name, checksum: sha256(bytes), sql: bytes.toString('utf8') };
    });
}

/** As Prisma does: a checkout that changed line endings (git on Windows) is not an edited migration. */
function matchesChecksum(sql: string, checksum: string): boolean {
  return (
    sha256(Buffer.from(sql, 'utf8')) === checksum ||
    sha256(sql.replace(/\r\n/g, '\n')) === checksum ||
    sha256(sql.replace(/\r?\n/g, '\r\n')) === checksum
  );
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
}

/**
 * Applies the pending migrations of `dir` (default prisma/migrations under the working directory) and returns the
 * names applied now, in order. Throws, applying nothing, if an applied migration's file was edited or the table
 * records a failed migration; throws naming the migration if one fails (that migration is rolled back, the ones
 * before it stay applied).
 */
export async function applyMigrations(
  conn: SqlConnection,
  options: { dir?: string; log?: (message: string) => void } = {},
): Promise<string[]> {
  const dir = options.dir ?? defaultDir();
  const log = options.log ?? (() => {});
  const migrations = listMigrations(dir);

  const [{ locked }] = await conn.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS locked`);
  if (!locked) {
    log('Another process is migrating this database; waiting for it to finish…');
    await conn.query(`SELECT pg_advisory_lock(${LOCK_KEY})`);
  }
  try {
    await conn.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await conn.query<MigrationRow>(
      'SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations" ORDER BY "started_at"',
    );

    const failed = rows.filter((row) => row.finished_at === null && row.rolled_back_at === null);
    if (failed.length > 0) {
      throw new Error(
        `The database records failed migration(s): ${failed.map((row) => row.migration_name).join(', ')}. ` +
          'Repair the database by hand, then mark the row rolled back (rolled_back_at) or finished, before migrating again.',
      );
    }

    const applied = new Map<string, string>();
    for (const row of rows) {
      if (row.finished_at !== null && row.rolled_back_at === null) applied.set(row.migration_name, row.checksum);
    }
    const onDisk = new Set(migrations.map((migration) => migration.name));
    const edited = migrations.filter((m) => applied.has(m.name) && !matchesChecksum(m.sql, applied.get(m.name)!));
    if (edited.length > 0) {
      throw new Error(
        `Applied migration(s) were modified after being applied (checksum differs from _prisma_migrations): ` +
          `${edited.map((m) => m.name).join(', ')}. Restore the original file(s); put changes in a new migration.`,
      );
    }
    for (const name of applied.keys()) {
      if (!onDisk.has(name)) log(`Warning: migration ${name} is recorded in the database but missing from ${dir}`);
    }

    const done: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue;
      log(`Applying migration ${migration.name}`);
      await conn.exec('BEGIN');
      try {
        const id = randomUUID();
        await conn.query(
          'INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at") VALUES ($1, $2, $3, clock_timestamp())',
          [id, migration.checksum, migration.name],
        );
        await conn.exec(migration.sql);
        await conn.query(
          'UPDATE "_prisma_migrations" SET "finished_at" = clock_timestamp(), "applied_steps_count" = 1 WHERE "id" = $1',
          [id],
        );
        await conn.exec('COMMIT');
      } catch (error) {
        try {
          await conn.exec('ROLLBACK');
        } catch {
          // The connection is unusable; the database rolls the transaction back when it closes.
        }
        throw new Error(`Migration ${migration.name} failed and was rolled back: ${errorMessage(error)}`, {
          cause: error,
        });
      }
      done.push(migration.name);
    }
    if (done.length === 0) log('Database schema is up to date: no pending migration.');
    return done;
  } finally {
    try {
      await conn.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
    } catch {
      // Connection lost: the session's lock went with it.
    }
  }
}

/** Adapter for a node-postgres client (a Client or a checked-out PoolClient: everything runs on that connection). */
export function pgConnection(client: ClientBase): SqlConnection {
  return {
    async query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> {
      const result = await client.query(sql, params);
      return result.rows as T[];
    },
    async exec(sql: string): Promise<void> {
      // Without parameters node-postgres uses the simple query protocol, which accepts several statements.
      await client.query(sql);
    },
  };
}

/** Adapter for PGlite (or one of its transactions). */
export function pgliteConnection(db: PGlite | Transaction): SqlConnection {
  return {
    async query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> {
      const result = await db.query<T>(sql, params);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await db.exec(sql);
    },
  };
}
