// The migration runner against a real database: PostgreSQL in a fresh schema per database when DATABASE_URL is set,
// an in-memory PGlite otherwise. Uses the repository's own prisma/migrations.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, listMigrations, pgConnection, pgliteConnection, type SqlConnection } from '@/lib/db/migrate';

const DATABASE_URL = process.env.DATABASE_URL;
const MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations');

interface TestDb {
  conn: SqlConnection;
  /** Another connection to the same database (PostgreSQL only). */
  connectAgain?: () => Promise<{ conn: SqlConnection; end: () => Promise<void> }>;
  close(): Promise<void>;
}

const opened: TestDb[] = [];

/** An empty database: a new schema on PostgreSQL (first in search_path), a new in-memory PGlite otherwise. */
async function openEmptyDb(): Promise<TestDb> {
  let db: TestDb;
  if (DATABASE_URL) {
    const schema = `migrate_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    const connect = async () => {
      const client = new pg.Client({ connectionString: DATABASE_URL, options: `-c search_path=${schema}` });
      await client.connect();
      return { conn: pgConnection(client), end: () => client.end() };
    };
    const main = await connect();
    db = {
      conn: main.conn,
      connectAgain: connect,
      close: async () => {
        await main.end();
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await admin.end();
      },
    };
  } else {
    const pglite = new PGlite();
    db = { conn: pgliteConnection(pglite), close: () => pglite.close() };
  }
  opened.push(db);
  return db;
}

async function tablesOf(conn: SqlConnection): Promise<string[]> {
  const rows = await conn.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

/** A temporary copy of prisma/migrations, to change without touching the repository. */
function copyOfMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

const tempDirs: string[] = [];
function tempCopy(): string {
  const dir = copyOfMigrations();
  tempDirs.push(dir);
  return dir;
}

afterAll(async () => {
  for (const db of opened) await db.close();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe(`applyMigrations (${DATABASE_URL ? 'PostgreSQL, own schema' : 'PGlite in memory'})`, () => {
  const migrations = listMigrations(MIGRATIONS_DIR);
  let db: TestDb;

  beforeAll(async () => {
    db = await openEmptyDb();
  });

  it('finds the repository migrations in folder order', () => {
    expect(migrations.length).toBeGreaterThanOrEqual(2);
    expect(migrations[0].name).toMatch(/^\d{14}_init$/);
    expect(migrations.map((m) => m.name)).toEqual([...migrations.map((m) => m.name)].sort());
    for (const m of migrations) expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('applies every migration to an empty database and records them as Prisma does', async () => {
    const logs: string[] = [];
    const applied = await applyMigrations(db.conn, { dir: MIGRATIONS_DIR, log: (m) => logs.push(m) });
    expect(applied).toEqual(migrations.map((m) => m.name));
    expect(logs.some((line) => line.includes(migrations[0].name))).toBe(true);

    const tables = await tablesOf(db.conn);
    for (const table of ['Plan', 'Unit', 'Indicator', 'IndicatorValue', 'User', 'AuditLog', '_prisma_migrations']) {
      expect(tables).toContain(table);
    }

    const rows = await db.conn.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
    }>('SELECT * FROM "_prisma_migrations" ORDER BY "started_at"');
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    expect(rows.map((r) => r.checksum)).toEqual(migrations.map((m) => m.checksum));
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('applies nothing the second time', async () => {
    const logs: string[] = [];
    expect(await applyMigrations(db.conn, { dir: MIGRATIONS_DIR, log: (m) => logs.push(m) })).toEqual([]);
    expect(logs.join('\n')).toMatch(/up to date/);
    const [{ n }] = await db.conn.query<{ n: number }>('SELECT count(*)::int AS n FROM "_prisma_migrations"');
    expect(n).toBe(migrations.length);
  });

  it('keeps AuditLog append-only: UPDATE, DELETE and TRUNCATE fail', async () => {
    await db.conn.exec(`INSERT INTO "AuditLog" ("event", "actorName") VALUES ('test.event', 'tester')`);
    await expect(db.conn.exec(`UPDATE "AuditLog" SET "event" = 'changed'`)).rejects.toThrow(/AuditLog is append-only/);
    await expect(db.conn.exec(`DELETE FROM "AuditLog"`)).rejects.toThrow(/AuditLog is append-only/);
    await expect(db.conn.exec(`TRUNCATE "AuditLog"`)).rejects.toThrow(/AuditLog is append-only/);
    const rows = await db.conn.query<{ event: string }>(`SELECT "event" FROM "AuditLog"`);
    expect(rows).toEqual([{ event: 'test.event' }]);
  });

  it("refuses a month that is not 'YYYY-MM' (check constraint)", async () => {
    await db.conn.exec(`
      INSERT INTO "Plan" ("id", "title", "region", "parentDocument", "periodStart", "periodEnd", "baselineYear", "sourceHash")
        VALUES ('p', 'Plan', 'Region', 'Doc', 2025, 2027, 2024, 'hash');
      INSERT INTO "Unit" ("id", "planId", "name", "kind", "position") VALUES (1, 'p', 'Region', 'region', 0);
      INSERT INTO "Indicator" ("id", "planId", "code", "name", "nameEn", "unit", "kind", "frequency", "sourceText", "category", "position")
        VALUES (1, 'p', 'I1', 'Indicator', 'Indicator', 'count', 'stock', 'monthly', 'text', 'count', 0);
    `);
    const insert = (month: string) =>
      db.conn.query(
        `INSERT INTO "IndicatorValue" ("indicatorId", "unitId", "reporterUnitId", "month", "value", "updatedAt")
         VALUES (1, 1, 1, $1, 1, now())`,
        [month],
      );
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-01', '2026/01']) {
      await expect(insert(bad), bad).rejects.toThrow(/IndicatorValue_month_check/);
    }
    await insert('2026-12');
    await insert('2026-01');
    const [{ n }] = await db.conn.query<{ n: number }>('SELECT count(*)::int AS n FROM "IndicatorValue"');
    expect(n).toBe(2);
  });

  it('refuses to start when an applied migration was edited (checksum differs)', async () => {
    const dir = tempCopy();
    fs.appendFileSync(path.join(dir, migrations[0].name, 'migration.sql'), '\n-- edited after being applied\n');
    await expect(applyMigrations(db.conn, { dir })).rejects.toThrow(new RegExp(`modified.*${migrations[0].name}`));
    // Line endings changed by a checkout are not an edit (as in Prisma).
    const crlf = tempCopy();
    const file = path.join(crlf, migrations[0].name, 'migration.sql');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    await expect(applyMigrations(db.conn, { dir: crlf })).resolves.toEqual([]);
  });

  it('refuses to start while the table records a failed migration', async () => {
    await db.conn.query(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name") VALUES ('failed-row', $1, '99999999999999_failed')`,
      ['0'.repeat(64)],
    );
    await expect(applyMigrations(db.conn, { dir: MIGRATIONS_DIR })).rejects.toThrow(/failed migration.*99999999999999_failed/);
    await db.conn.query(`DELETE FROM "_prisma_migrations" WHERE "id" = 'failed-row'`);
    expect(await applyMigrations(db.conn, { dir: MIGRATIONS_DIR })).toEqual([]);
  });

  it('leaves nothing applied when a migration has an SQL error, then applies once it is fixed', async () => {
    const empty = await openEmptyDb();
    const dir = tempCopy();
    const broken = path.join(dir, '00000000000000_broken');
    fs.mkdirSync(broken);
    fs.writeFileSync(
      path.join(broken, 'migration.sql'),
      'CREATE TABLE "Broken" ("id" INTEGER);\nINSERT INTO "Broken" VALUES (1);\nSELECT * FROM "no_such_table";\n',
    );

    const failure = applyMigrations(empty.conn, { dir });
    await expect(failure).rejects.toThrow(/00000000000000_broken/);
    await expect(failure).rejects.toThrow(/no_such_table/);
    // Neither its table nor any row (not even a failed one), and the later migrations were not attempted.
    expect(await tablesOf(empty.conn)).toEqual(['_prisma_migrations']);
    expect(await empty.conn.query('SELECT * FROM "_prisma_migrations"')).toEqual([]);

    fs.writeFileSync(path.join(broken, 'migration.sql'), 'CREATE TABLE "Broken" ("id" INTEGER);\n');
    expect(await applyMigrations(empty.conn, { dir })).toEqual(['00000000000000_broken', ...migrations.map((m) => m.name)]);
    expect(await tablesOf(empty.conn)).toContain('Broken');
  });

  it.skipIf(!DATABASE_URL)('lets only one of two concurrent migrators apply (advisory lock)', async () => {
    const fresh = await openEmptyDb();
    const second = await fresh.connectAgain!();
    try {
      const [a, b] = await Promise.all([
        applyMigrations(fresh.conn, { dir: MIGRATIONS_DIR }),
        applyMigrations(second.conn, { dir: MIGRATIONS_DIR }),
      ]);
      expect([...a, ...b]).toEqual(migrations.map((m) => m.name));
      expect(a.length === 0 || b.length === 0).toBe(true);
      const [{ n }] = await fresh.conn.query<{ n: number }>('SELECT count(*)::int AS n FROM "_prisma_migrations"');
      expect(n).toBe(migrations.length);
    } finally {
      await second.end();
    }
  });
});
