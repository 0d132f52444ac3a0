// Server only. The one Prisma client of a process: PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise.
// Migrations are applied when the database is opened, so every entry point (server, scripts, tests) sees the same schema.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { applyMigrations, pgConnection, pgliteConnection } from '@/lib/db/migrate';
import { acquireDataDirLock } from '@/lib/db/pglite-lock';
import { clockStamps } from '@/lib/db/clock-stamps';

export type Db = PrismaClient;

export type DatabaseConfig =
  | { kind: 'postgres'; url: string; schema?: string }
  | { kind: 'pglite'; dataDir?: string; instance?: PGlite };

export interface DatabaseHandle {
  prisma: Db;
  kind: DatabaseConfig['kind'];
  description: string;
  /** The embedded engine itself (kind 'pglite'): what an online backup dumps. */
  pglite?: PGlite;
  /** Its data folder, when it has one (not in memory). */
  dataDir?: string;
  close(): Promise<void>;
}

/** Splits Prisma's `?schema=` convention off a PostgreSQL URL (node-postgres does not understand it). */
export function parsePostgresUrl(url: string): { connectionString: string; schema?: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  return { connectionString: parsed.toString(), schema };
}

export interface OpenOptions {
  log?: (m: string) => void;
  /** Called with every SQL statement the client sends: for tests that count queries and for diagnosing a page. */
  onQuery?: (sql: string, detail: { params: string; durationMs: number }) => void;
}

function newClient(adapter: NonNullable<ConstructorParameters<typeof PrismaClient>[0]['adapter']>, onQuery: OpenOptions['onQuery']): PrismaClient {
  let prisma: PrismaClient;
  if (onQuery) {
    const logged = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
    logged.$on('query', (event) => onQuery(event.query, { params: event.params, durationMs: event.duration }));
    prisma = logged as unknown as PrismaClient;
  } else prisma = new PrismaClient({ adapter });
  // Timestamps from lib/clock.ts (lib/db/clock-stamps.ts). The extension changes no method's signature, only the
  // data written, so the extended client is used as the plain one.
  return prisma.$extends(clockStamps()) as unknown as PrismaClient;
}

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<DatabaseHandle> {
  if (config.kind === 'postgres') {
    const { connectionString, schema: urlSchema } = parsePostgresUrl(config.url);
    const schema = config.schema ?? urlSchema;
    const searchPath = schema ? { options: `-c search_path="${schema}"` } : {};
    const migrator = new pg.Client({ connectionString, ...searchPath });
    await migrator.connect();
    try {
      if (schema) await migrator.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await applyMigrations(pgConnection(migrator), { log: options.log });
    } finally {
      await migrator.end();
    }
    const pool = new pg.Pool({ connectionString, max: 10, ...searchPath });
    // Every connection gets an error listener for its whole life. Without one, a connection that the server ends
    // (restart, failover: 57P01) while it is checked out between two of the adapter's own listeners emits an
    // unhandled 'error' and takes the whole process down; with one, the query in flight fails, the pool drops the
    // connection and the next request opens a new one.
    pool.on('connect', (client) => client.on('error', (error) => console.warn(`[db] connection lost: ${error.message}`)));
    pool.on('error', (error) => console.warn(`[db] idle connection lost: ${error.message}`));
    const adapter = new PrismaPg(pool, { ...(schema ? { schema } : {}), disposeExternalPool: true });
    const prisma = newClient(adapter, options.onQuery);
    const host = new URL(connectionString).host;
    return { prisma, kind: 'postgres', description: `PostgreSQL ${host}${schema ? ` (schema ${schema})` : ''}`, close: () => prisma.$disconnect() };
  }

  let release = () => {};
  let instance = config.instance;
  if (!instance) {
    if (config.dataDir) {
      fs.mkdirSync(path.dirname(path.resolve(config.dataDir)), { recursive: true });
      release = acquireDataDirLock(`${path.resolve(config.dataDir)}.lock`);
    }
    instance = await PGlite.create(config.dataDir ? path.resolve(config.dataDir) : undefined);
  }
  await applyMigrations(pgliteConnection(instance), { log: options.log });
  const prisma = newClient(new PrismaPGlite(instance), options.onQuery);
  const pglite = instance;
  return {
    prisma,
    kind: 'pglite',
    pglite,
    dataDir: config.dataDir ? path.resolve(config.dataDir) : undefined,
    description: config.dataDir ? `embedded PostgreSQL (PGlite) in ${config.dataDir}` : 'embedded PostgreSQL (PGlite) in memory',
    close: async () => {
      await prisma.$disconnect();
      if (!config.instance) await pglite.close();
      release();
    },
  };
}

export function configFromEnv(): DatabaseConfig {
  const { DATABASE_URL, PGLITE_DIR } = env();
  return DATABASE_URL ? { kind: 'postgres', url: DATABASE_URL } : { kind: 'pglite', dataDir: PGLITE_DIR };
}

// Kept on globalThis: Next.js may load this module more than once per process (route bundles, dev reloads), and a
// second PGlite on the same folder would lose writes.
const holder = globalThis as unknown as { __beibeiDb?: Promise<DatabaseHandle> };

/** The process-wide database, opened (and migrated) on first use. */
export async function getDb(): Promise<Db> {
  holder.__beibeiDb ??= openDatabase(configFromEnv());
  return (await holder.__beibeiDb).prisma;
}

export async function getDatabaseHandle(): Promise<DatabaseHandle> {
  holder.__beibeiDb ??= openDatabase(configFromEnv());
  return holder.__beibeiDb;
}

/** Tests and scripts point the process at a database of their own. */
export function installDatabase(handle: DatabaseHandle): void {
  holder.__beibeiDb = Promise.resolve(handle);
}

export async function closeDb(): Promise<void> {
  const current = holder.__beibeiDb;
  holder.__beibeiDb = undefined;
  if (current) await (await current).close();
}
