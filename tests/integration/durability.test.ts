// The durability settings are read from the live server at start-up (lib/startup.ts) and on the security admin's
// page (lib/queries/durability.ts), not assumed.
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, expect, test } from 'vitest';
import { getDatabaseHandle, parsePostgresUrl } from '@/lib/db/client';
import { checkDurability } from '@/lib/db/durability';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { getDurabilityCheck } from '@/lib/queries/durability';
import { prepareOnStart } from '@/lib/startup';
import { setupTestDatabase } from '../support/db';
import { BUNDLED_PLAN_PATH } from '../support/plan';

setupTestDatabase();
const url = process.env.DATABASE_URL;
const extra: PrismaClient[] = [];
afterAll(async () => {
  for (const client of extra) await client.$disconnect();
});

test.runIf(url)('on PostgreSQL with everything on, start-up warns of nothing and the page shows nothing', async () => {
  expect(await getDurabilityCheck()).toEqual({ engine: 'postgres', off: [] });
  const warnings: string[] = [];
  await prepareOnStart({ mode: 'production', planFile: BUNDLED_PLAN_PATH, log: () => {}, warn: (m) => warnings.push(m) });
  expect(warnings).toEqual([]);
});

test.runIf(url)('a connection that runs with synchronous_commit off (as a role or database setting would make it) is caught', async () => {
  const { connectionString } = parsePostgresUrl(url!);
  const lax = new PrismaClient({ adapter: new PrismaPg({ connectionString, options: '-c synchronous_commit=off' }) });
  extra.push(lax);
  expect(await checkDurability(lax, 'postgres')).toEqual({ engine: 'postgres', off: ['synchronous_commit'] });
});

test.runIf(!url)('the embedded engine runs without fsync, and start-up says so', async () => {
  const check = await getDurabilityCheck();
  expect(check).toEqual({ engine: 'pglite', off: ['fsync'] });
  const warnings: string[] = [];
  await prepareOnStart({ mode: 'production', planFile: BUNDLED_PLAN_PATH, log: () => {}, warn: (m) => warnings.push(m) });
  expect(warnings).toEqual([expect.stringMatching(/embedded database runs with fsync off/)]);
  expect((await getDatabaseHandle()).kind).toBe('pglite');
});
