// Backup and restore (issue 16): lib/db/backup/*. On PostgreSQL (DATABASE_URL set): pg_dump of this file's schema,
// pg_restore into a brand-new database. On the embedded default: PGlite's dumpDataDir, loaded into a new folder.
// Either way the restored database must hold the same rows (per-table counts and content checksums), keep revoked
// sessions revoked and keep the audit log append-only.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemActor } from '@/lib/actor';
import { compareFingerprints, tableFingerprints } from '@/lib/db/backup/fingerprint';
import { checksumPath, verifyBackup } from '@/lib/db/backup/files';
import { backupPgliteInstance, restorePgliteDir } from '@/lib/db/backup/pglite';
import { backupPostgres, restorePostgres } from '@/lib/db/backup/postgres';
import { closeDb, getDb, installDatabase, openDatabase, parsePostgresUrl, type DatabaseHandle } from '@/lib/db/client';
import { pgConnection, pgliteConnection, type SqlConnection } from '@/lib/db/migrate';
import { resolveSession, signIn } from '@/lib/mutations/auth';
import { seedDemoAccounts, seedDemoData } from '@/lib/mutations/demo';
import { loadPlan } from '@/lib/mutations/plan';
import { terminateSessions } from '@/lib/mutations/users';
import { createTestDatabase } from '../support/db';
import { GOOD_PASSWORD, makeUser } from '../support/factories';
import { actorFor } from '../support/accounts';
import { bundledPlan } from '../support/plan';

process.env.NEXTAUTH_SECRET ??= 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const url = process.env.DATABASE_URL;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'beibei-backup-test-'));
const client = { ip: '10.0.0.8', userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/140.0 Safari/537.36' };
const now = new Date('2026-11-16T09:00:00+08:00');

let source: DatabaseHandle;
let pglite: PGlite | undefined;
let schema: string | undefined;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  if (url) {
    source = await createTestDatabase();
    schema = /\(schema (.+)\)/.exec(source.description)![1];
  } else {
    pglite = await PGlite.create();
    source = await openDatabase({ kind: 'pglite', instance: pglite });
  }
  installDatabase(source);
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await closeDb();
  await pglite?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** A raw connection to the source, in its schema. */
async function sourceConnection(): Promise<SqlConnection> {
  if (pglite) return pgliteConnection(pglite);
  const raw = new pg.Client({ connectionString: parsePostgresUrl(url!).connectionString, options: `-c search_path="${schema}"` });
  await raw.connect();
  cleanups.push(() => raw.end());
  return pgConnection(raw);
}

function sourceUrl(): string {
  const parsed = new URL(url!);
  parsed.searchParams.set('schema', schema!);
  return parsed.toString();
}

/** A brand-new, empty PostgreSQL database on the same server, dropped after the file. */
async function freshDatabaseUrl(): Promise<string> {
  const name = `beibei_restore_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: parsePostgresUrl(url!).connectionString });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  cleanups.push(async () => {
    const dropper = new pg.Client({ connectionString: parsePostgresUrl(url!).connectionString });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await dropper.end();
  });
  const target = new URL(parsePostgresUrl(url!).connectionString);
  target.pathname = `/${name}`;
  return target.toString();
}

async function backup(file: string) {
  return url ? backupPostgres(sourceUrl(), file) : backupPgliteInstance(pglite!, file, 'test PGlite');
}

/** Restores into a fresh database and opens it (migrations: none pending) as a database handle. */
async function restoreFresh(file: string): Promise<{ handle: DatabaseHandle; conn: SqlConnection; target: string }> {
  if (url) {
    const target = await freshDatabaseUrl();
    await restorePostgres(file, target);
    const handle = await openDatabase({ kind: 'postgres', url: target, schema });
    const raw = new pg.Client({ connectionString: target, options: `-c search_path="${schema}"` });
    await raw.connect();
    cleanups.push(() => raw.end());
    cleanups.push(() => handle.close());
    return { handle, conn: pgConnection(raw), target };
  }
  const dir = path.join(work, `restored-${randomBytes(3).toString('hex')}`);
  await restorePgliteDir(file, dir);
  const instance = await PGlite.create(dir);
  const handle = await openDatabase({ kind: 'pglite', instance });
  cleanups.push(async () => {
    await handle.close();
    await instance.close();
  });
  return { handle, conn: pgliteConnection(instance), target: dir };
}

test('a backup restored into a fresh database has every table with the same rows; revoked sessions stay revoked; the audit log stays append-only', async () => {
  const plan = bundledPlan();
  await loadPlan(systemActor('test'), plan);
  await seedDemoData(systemActor('test'), plan, '2026-10');
  await seedDemoAccounts(systemActor('test'), plan.id);
  const user = await makeUser({ roles: ['leader'] });
  const securityAdmin = await actorFor((await makeUser({ roles: ['security_admin'] })).username);
  const revoked = await signIn({ username: user.username, password: GOOD_PASSWORD }, client, now);
  await terminateSessions(securityAdmin, { userId: user.id, reason: '测试：备份前终止' }, now);
  const kept = await signIn({ username: user.username, password: GOOD_PASSWORD }, client, now);
  expect(await resolveSession(revoked.sessionId, client, now)).toBeNull();

  const file = path.join(work, url ? 'backup.dump' : 'backup.tar.gz');
  const { manifest, ms: backupMs } = await backup(file);
  const before = await tableFingerprints(await sourceConnection());
  expect(manifest.tables).toEqual(before);
  expect(before.IndicatorValue.rows).toBeGreaterThan(1000);
  expect(before.Session.rows).toBe(2);
  expect(before.AuditLog.rows).toBe(await (await getDb()).auditLog.count());

  const { handle, conn, target } = await restoreFresh(file);
  const after = await tableFingerprints(conn);
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  expect(compareFingerprints(before, after)).toEqual([]);

  installDatabase(handle);
  expect(await resolveSession(revoked.sessionId, client, now)).toBeNull();
  expect(await resolveSession(kept.sessionId, client, now)).not.toBeNull();
  await expect(conn.exec(`UPDATE "AuditLog" SET "event" = 'tampered'`)).rejects.toThrow(/append-only/);
  await expect(conn.exec(`DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
  // The restored database takes new writes (sequences restored past the last id) and they are audited.
  await expect(makeUser()).resolves.toBeTruthy();
  const restoredDb = await getDb();
  expect(await restoredDb.user.count()).toBe(before.User.rows + 1);

  // Restoring again over the now non-empty database is refused, and changes nothing.
  const refused = url ? restorePostgres(file, target) : restorePgliteDir(file, target);
  await expect(refused).rejects.toThrow(/not empty/);
  expect(await restoredDb.user.count()).toBe(before.User.rows + 1);
  installDatabase(source);
  console.log(`backup of demo data: ${(fs.statSync(file).size / 1e6).toFixed(1)} MB in ${backupMs} ms`);
});

test('a damaged backup is refused before anything is restored', async () => {
  const file = path.join(work, url ? 'damaged.dump' : 'damaged.tar.gz');
  await backup(file);
  expect(() => verifyBackup(file)).not.toThrow();
  const bytes = fs.readFileSync(file);
  bytes[Math.floor(bytes.length / 2)] ^= 0xff;
  fs.writeFileSync(file, bytes);
  expect(() => verifyBackup(file)).toThrow(/checksum/);
  const target = url ? await freshDatabaseUrl() : path.join(work, 'never');
  await expect(url ? restorePostgres(file, target) : restorePgliteDir(file, target)).rejects.toThrow(/checksum/);
  if (!url) expect(fs.existsSync(target)).toBe(false);
  fs.rmSync(checksumPath(file));
  expect(() => verifyBackup(file)).toThrow(/missing/);
});
