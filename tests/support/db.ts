// A database of its own for each integration test file: a fresh schema on PostgreSQL when DATABASE_URL is set,
// an in-memory PGlite otherwise. Both get every migration applied, exactly as the server does.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { closeDb, openDatabase, parsePostgresUrl, installDatabase, type DatabaseHandle, type OpenOptions } from '@/lib/db/client';

export async function createTestDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({ kind: 'pglite' }, options);
  const schema = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const handle = await openDatabase({ kind: 'postgres', url, schema }, options);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const client = new pg.Client({ connectionString: parsePostgresUrl(url).connectionString });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

/** Installs a fresh database as the process database for the tests of this file. */
export function setupTestDatabase(options: OpenOptions = {}): { handle: () => DatabaseHandle } {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase(options);
    installDatabase(handle);
  });
  afterAll(async () => {
    await closeDb();
  });
  return {
    handle: () => {
      if (!handle) throw new Error('test database not ready');
      return handle;
    },
  };
}
