// The migration that gives every firm a plan (20261201075941_enterprise_plan), applied to a database holding firms:
// the town's plan, else the park's, else the current plan (loaded first); a park of another plan than the town is
// dropped; a database with firms and no plan stops with a message. PostgreSQL in its own schema when DATABASE_URL is
// set, an in-memory PGlite otherwise.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, pgConnection, pgliteConnection, type SqlConnection } from '@/lib/db/migrate';
import { syntheticCode } from '../support/registry';

const DATABASE_URL = process.env.DATABASE_URL;
const MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations');
const MIGRATION = '20261201075941_enterprise_plan';
const cleanups: (() => Promise<void> | void)[] = [];

async function openEmptyDb(): Promise<SqlConnection> {
  if (!DATABASE_URL) {
    const pglite = new PGlite();
    cleanups.push(() => pglite.close());
    return pgliteConnection(pglite);
  }
  const schema = `migrate_plan_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  const client = new pg.Client({ connectionString: DATABASE_URL, options: `-c search_path=${schema}` });
  await client.connect();
  cleanups.push(async () => {
    await client.end();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });
  return pgConnection(client);
}

/** The migrations before this one, in a temporary folder. */
function migrationsBefore(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  for (const name of fs.readdirSync(dir)) if (/^\d{14}_/.test(name) && name >= MIGRATION) fs.rmSync(path.join(dir, name), { recursive: true });
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

afterAll(async () => {
  for (const c of cleanups) await c();
});

const plan = (id: string, loadedAt: string) =>
  `INSERT INTO "Plan" (id, title, region, "parentDocument", "periodStart", "periodEnd", "baselineYear", "sourceHash", "loadedAt") VALUES ('${id}', '${id}', '${id}', '—', 2023, 2027, 2022, 'x', '${loadedAt}')`;
const unit = (id: number, planId: string, kind: string) => `INSERT INTO "Unit" (id, "planId", name, kind, position) VALUES (${id}, '${planId}', 'u${id}', '${kind}', ${id})`;
const code = (name: string) => syntheticCode('ABCD'.indexOf(name));
const firm = (name: string, town: number | null, park: number | null) =>
  `INSERT INTO "Enterprise" ("creditCode", name, "townUnitId", "parkUnitId", "updatedAt") VALUES ('${code(name)}', '${name}', ${town ?? 'NULL'}, ${park ?? 'NULL'}, '2026-01-01')`;

describe(`${MIGRATION} (${DATABASE_URL ? 'PostgreSQL, own schema' : 'PGlite in memory'})`, () => {
  it('gives each firm its town’s plan, else its park’s, else the plan loaded first', async () => {
    const conn = await openEmptyDb();
    await applyMigrations(conn, { dir: migrationsBefore() });
    for (const sql of [
      plan('first', '2026-01-01T00:00:00Z'),
      plan('second', '2026-02-01T00:00:00Z'),
      unit(1, 'first', 'town'),
      unit(2, 'second', 'town'),
      unit(3, 'second', 'park'),
      unit(4, 'first', 'park'),
      firm('A', 2, null),
      firm('B', null, 3),
      firm('C', null, null),
      firm('D', 1, 3),
    ])
      await conn.exec(sql);
    await applyMigrations(conn);
    const rows = await conn.query<{ name: string; planId: string; parkUnitId: number | null }>(`SELECT name, "planId", "parkUnitId" FROM "Enterprise" ORDER BY name`);
    expect(rows).toEqual([
      { name: 'A', planId: 'second', parkUnitId: null },
      { name: 'B', planId: 'second', parkUnitId: 3 },
      { name: 'C', planId: 'first', parkUnitId: null },
      { name: 'D', planId: 'first', parkUnitId: null }, // its park was of another plan than its town
    ]);
    // The credit code is now unique per plan, not across the database.
    await conn.exec(`INSERT INTO "Enterprise" ("planId", "creditCode", name, "updatedAt") VALUES ('first', '${code('A')}', 'A again', '2026-01-01')`);
    await expect(conn.exec(`INSERT INTO "Enterprise" ("planId", "creditCode", name, "updatedAt") VALUES ('first', '${code('A')}', 'A thrice', '2026-01-01')`)).rejects.toThrow();
  });

  it('stops with a message when firms exist but no plan was ever loaded', async () => {
    const conn = await openEmptyDb();
    await applyMigrations(conn, { dir: migrationsBefore() });
    await conn.exec(firm('A', null, null));
    await expect(applyMigrations(conn)).rejects.toThrow(/no plan is loaded/);
  });
});
