// The DataVersion row (its migration; read by lib/queries/data-version.ts) is what the session check and the dashboards
// keep their reads by. These tests hold the promises those memos rely on: every table moves it, once per committed
// transaction, never before the commit, and never for another database's writes.
import { describe, expect, test } from 'vitest';
import { getDb } from '@/lib/db/client';
import { currentDataVersions, type DataVersions } from '@/lib/queries/data-version';
import { createTestDatabase, setupTestDatabase } from '../support/db';
import { makeUnit, makeUser } from '../support/factories';

setupTestDatabase();
const onPostgres = Boolean(process.env.DATABASE_URL);

const count = (version: string) => Number(version.split(':')[1]);
const moved = (before: DataVersions, after: DataVersions) => ({
  anything: count(after.anything) - count(before.anything),
  dashboard: count(after.dashboard) - count(before.dashboard),
});

describe('data version', () => {
  test('every table but DataVersion has the commit-time trigger and the TRUNCATE trigger', async () => {
    const db = await getDb();
    const tables = await db.$queryRaw<{ table: string; triggers: string[] }[]>`
      SELECT c.relname AS "table", coalesce(array_agg(t.tgname::text ORDER BY t.tgname) FILTER (WHERE t.tgname IS NOT NULL), '{}') AS "triggers"
      FROM pg_class c
      LEFT JOIN pg_trigger t ON t.tgrelid = c.oid AND t.tgname LIKE '%\_data\_version%'
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
        AND c.relname NOT IN ('DataVersion', '_prisma_migrations')
      GROUP BY c.relname`;
    expect(tables.length).toBeGreaterThanOrEqual(24);
    for (const { table, triggers } of tables) expect(triggers, table).toEqual([`${table}_data_version`, `${table}_data_version_truncate`]);
  });

  test('a transaction moves the counts once, however many rows it writes; a session write leaves the dashboards alone', async () => {
    const db = await getDb();
    const unit = await makeUnit();
    const user = await makeUser({ roles: ['leader'] });
    let before = await currentDataVersions();
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 5; i++) await tx.unit.update({ where: { id: unit.id }, data: { position: { increment: 1 } } });
      await tx.user.update({ where: { id: user.id }, data: { displayName: '改名' } });
    });
    expect(moved(before, await currentDataVersions())).toEqual({ anything: 1, dashboard: 1 });

    before = await currentDataVersions();
    await db.session.create({ data: { id: `s-${Date.now()}`, userId: user.id, ip: '10.0.0.1', userAgent: 'vitest', lastSeenAt: new Date(), expiresAt: new Date(Date.now() + 3_600_000) } });
    expect(moved(before, await currentDataVersions())).toEqual({ anything: 1, dashboard: 0 });

    before = await currentDataVersions();
    await db.$executeRaw`UPDATE "AppSetting" SET "value" = "value" WHERE false`;
    await db.unit.findMany();
    expect(moved(before, await currentDataVersions())).toEqual({ anything: 0, dashboard: 0 });
  });

  test('a rolled-back transaction moves nothing', async () => {
    const db = await getDb();
    const unit = await makeUnit();
    const before = await currentDataVersions();
    await expect(
      db.$transaction(async (tx) => {
        await tx.unit.update({ where: { id: unit.id }, data: { name: '不会留下' } });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(moved(before, await currentDataVersions())).toEqual({ anything: 0, dashboard: 0 });
  });

  test.skipIf(!onPostgres)('an open transaction does not move it until it commits (PostgreSQL: two connections)', async () => {
    const db = await getDb();
    const unit = await makeUnit();
    const before = await currentDataVersions();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const wrote = new Promise<void>((resolve) => (written = resolve));
    const transaction = db.$transaction(async (tx) => {
      await tx.unit.update({ where: { id: unit.id }, data: { name: '提交前' } });
      written();
      await held;
    });
    await wrote;
    const during = await currentDataVersions();
    expect((await db.unit.findUniqueOrThrow({ where: { id: unit.id } })).name).toBe(unit.name);
    release();
    await transaction;
    expect(moved(before, during)).toEqual({ anything: 0, dashboard: 0 });
    expect(moved(before, await currentDataVersions())).toEqual({ anything: 1, dashboard: 1 });
  });

  test.skipIf(!onPostgres)('concurrent transactions each move it once, with no deadlock (PostgreSQL)', async () => {
    const db = await getDb();
    const units = await Promise.all(Array.from({ length: 8 }, () => makeUnit()));
    const user = await makeUser();
    const before = await currentDataVersions();
    // Half touch a user then a unit, half a unit then the user: opposite orders over the two scopes.
    await Promise.all(
      units.map((unit, i) =>
        db.$transaction(async (tx) => {
          const touchUser = () => tx.user.update({ where: { id: user.id }, data: { failedAttempts: 0 } });
          const touchUnit = () => tx.unit.update({ where: { id: unit.id }, data: { position: { increment: 1 } } });
          if (i % 2) await touchUser().then(touchUnit);
          else await touchUnit().then(touchUser);
        }),
      ),
    );
    expect(moved(before, await currentDataVersions())).toEqual({ anything: 8, dashboard: 8 });
  });

  test.skipIf(!onPostgres)('writes to another database on the same server do not move it (PostgreSQL)', async () => {
    const other = await createTestDatabase();
    try {
      const before = await currentDataVersions();
      await other.prisma.appSetting.create({ data: { key: 'other-database', value: 1 } });
      expect(moved(before, await currentDataVersions())).toEqual({ anything: 0, dashboard: 0 });
      const [theirs] = await other.prisma.$queryRaw<{ epoch: string }[]>`SELECT "epoch" FROM "DataVersion"`;
      expect(before.anything.startsWith(`${theirs.epoch}:`)).toBe(false);
    } finally {
      await other.close();
    }
  });
});
