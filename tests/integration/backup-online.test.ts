// The online backup of the embedded database (issue 16): a server running on a PGlite data folder is backed up
// through its own engine while it keeps writing (lib/mutations/backup.ts, the mutation behind POST /api/ops/backup
// that `npm run db:backup` calls). Runs on an embedded data folder of its own in both CI runs: the feature is the
// embedded database's, whatever DATABASE_URL says.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemActor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { compareFingerprints, tableFingerprints } from '@/lib/db/backup/fingerprint';
import { verifyBackup } from '@/lib/db/backup/files';
import { backupTokenPath, writeBackupToken } from '@/lib/db/backup/online';
import { restorePgliteDir } from '@/lib/db/backup/pglite';
import { closeDb, getDb, installDatabase, openDatabase, type DatabaseHandle } from '@/lib/db/client';
import { pgliteConnection } from '@/lib/db/migrate';
import { takeOnlineBackup } from '@/lib/mutations/backup';
import { resolveSession, signIn } from '@/lib/mutations/auth';
import { seedDemoAccounts, seedDemoData } from '@/lib/mutations/demo';
import { loadPlan } from '@/lib/mutations/plan';
import { terminateSessions } from '@/lib/mutations/users';
import { GOOD_PASSWORD, makeUser } from '../support/factories';
import { actorFor } from '../support/accounts';
import { bundledPlan } from '../support/plan';

process.env.NEXTAUTH_SECRET ??= 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'beibei-online-backup-'));
const dataDir = path.join(work, 'pglite');
const backups = path.join(work, 'backups');
const client = { ip: '10.0.0.9', userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/140.0 Safari/537.36' };
const now = new Date('2026-11-16T09:00:00+08:00');
let live: DatabaseHandle;

beforeAll(async () => {
  live = await openDatabase({ kind: 'pglite', dataDir });
  installDatabase(live);
}, 120_000);

afterAll(async () => {
  await closeDb();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Writers that each commit two audit rows tagged alike in one transaction, until stopped. */
function startWriters(count: number) {
  let stop = false;
  let committed = 0;
  const runs = Array.from({ length: count }, async (_, w) => {
    for (let i = 0; !stop; i++) {
      const tag = `writer-${w}-${i}`;
      await (await getDb()).$transaction(async (tx) => {
        await recordAudit(tx, systemActor('test'), { event: 'audit.viewed', reason: tag });
        await recordAudit(tx, systemActor('test'), { event: 'audit.viewed', reason: tag });
      });
      committed++;
      // Embedded queries can resolve without leaving the microtask queue: yield, as requests arriving over HTTP do.
      await new Promise((r) => setImmediate(r));
    }
  });
  return {
    stop: async () => {
      stop = true;
      await Promise.all(runs);
      return committed;
    },
  };
}

test('a running embedded database is copied online: consistent while writers commit, the copy restores with every row, revoked sessions stay revoked, the audit log stays append-only', async () => {
  const plan = bundledPlan();
  await loadPlan(systemActor('test'), plan);
  await seedDemoData(systemActor('test'), plan, '2026-10');
  await seedDemoAccounts(systemActor('test'), plan.id);
  const user = await makeUser({ roles: ['leader'] });
  const securityAdmin = await actorFor((await makeUser({ roles: ['security_admin'] })).username);
  const revoked = await signIn({ username: user.username, password: GOOD_PASSWORD }, client, now);
  await terminateSessions(securityAdmin, { userId: user.id, reason: '测试：在线备份前终止' }, now);
  const kept = await signIn({ username: user.username, password: GOOD_PASSWORD }, client, now);

  // Without the folder's token nothing is copied.
  writeBackupToken(dataDir);
  expect((fs.statSync(backupTokenPath(dataDir)).mode & 0o777).toString(8)).toBe('600');
  expect(await takeOnlineBackup(null, backups)).toMatchObject({ ok: false, status: 401 });
  expect(await takeOnlineBackup('0'.repeat(64), backups)).toMatchObject({ ok: false, status: 401 });
  expect(fs.existsSync(backups)).toBe(false);

  // The copy is taken while four writers keep committing.
  const writers = startWriters(4);
  await new Promise((r) => setTimeout(r, 200));
  const outcome = await takeOnlineBackup(fs.readFileSync(backupTokenPath(dataDir), 'utf8'), backups);
  const committed = await writers.stop();
  if (!outcome.ok) throw new Error(outcome.error);
  const { backup } = outcome;
  expect(committed).toBeGreaterThan(0);

  // The checksum file and the manifest match the file; the live database recorded the backup in its audit log.
  expect(verifyBackup(backup.file).tables).toEqual(backup.manifest.tables);
  const db = await getDb();
  const audit = await db.auditLog.findFirstOrThrow({ where: { event: 'database.backedUp' } });
  expect(audit.after).toMatchObject({ file: path.basename(backup.file), online: true });

  // Restored into a new folder: every table as the manifest says.
  const restoredDir = path.join(work, 'restored');
  await restorePgliteDir(backup.file, restoredDir);
  const restored = await PGlite.create(restoredDir);
  try {
    const conn = pgliteConnection(restored);
    expect(compareFingerprints(backup.manifest.tables, await tableFingerprints(conn))).toEqual([]);
    // Transaction-consistent: every writer transaction in the copy is there whole (both rows) or not at all.
    const tags = await conn.query<{ reason: string; n: number }>(`SELECT reason, count(*)::int AS n FROM "AuditLog" WHERE reason LIKE 'writer-%' GROUP BY reason`);
    expect(tags.every((t) => t.n === 2)).toBe(true);
    expect(tags.length).toBeLessThanOrEqual(committed);
    // Everything from before the backup is in it; the live database has gone on since.
    const liveCounts = await tableFingerprints(pgliteConnection(live.pglite!));
    expect(backup.manifest.tables.IndicatorValue).toEqual(liveCounts.IndicatorValue);
    expect(backup.manifest.tables.Session).toEqual(liveCounts.Session);
    expect(backup.manifest.tables.AuditLog.rows).toBeLessThan(liveCounts.AuditLog.rows);
    await expect(conn.exec(`UPDATE "AuditLog" SET "event" = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(conn.exec(`DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
  } finally {
    await restored.close();
  }

  // The restored folder runs the app: the revoked session stays revoked, the other one still works.
  const reopened = await openDatabase({ kind: 'pglite', dataDir: restoredDir });
  installDatabase(reopened);
  try {
    expect(await resolveSession(revoked.sessionId, client, now)).toBeNull();
    expect(await resolveSession(kept.sessionId, client, now)).not.toBeNull();
  } finally {
    await reopened.close();
    installDatabase(live);
  }

  // A restore into a folder that is not empty is refused and leaves it as it was.
  const before = fs.readdirSync(restoredDir).sort();
  await expect(restorePgliteDir(backup.file, restoredDir)).rejects.toThrow(/not empty/);
  expect(fs.readdirSync(restoredDir).sort()).toEqual(before);
}, 300_000);
