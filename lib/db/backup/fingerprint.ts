// Server only. Per-table row counts and content checksums: what a backup records and a restore must reproduce.
import type { SqlConnection } from '@/lib/db/migrate';

export interface TableFingerprint {
  rows: number;
  /** md5 over the md5 of every row's text, sorted: independent of physical row order, which a restore changes. */
  checksum: string;
}

export type Fingerprints = Record<string, TableFingerprint>;

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Fingerprints every table of `schema` (default: the connection's current schema). Runs inside the caller's
 * transaction if there is one (a backup computes it in the dump's snapshot); the row text is made independent of
 * session settings (time zone, date style) so two servers with different defaults agree.
 */
export async function tableFingerprints(conn: SqlConnection, schema?: string): Promise<Fingerprints> {
  const [{ name }] = await conn.query<{ name: string }>('SELECT coalesce($1::text, current_schema()) AS name', [schema ?? null]);
  const tables = await conn.query<{ tablename: string }>(
    'SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename',
    [name],
  );
  await conn.query(`SELECT set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, YMD', true), set_config('extra_float_digits', '1', true)`);
  const result: Fingerprints = {};
  for (const { tablename } of tables) {
    const [row] = await conn.query<{ rows: number; checksum: string }>(
      `SELECT count(*)::int AS rows, coalesce(md5(string_agg(h, '' ORDER BY h)), '') AS checksum
         FROM (SELECT md5(t::text) AS h FROM ${quoteIdent(name)}.${quoteIdent(tablename)} t) rows`,
    );
    result[tablename] = { rows: Number(row.rows), checksum: row.checksum };
  }
  return result;
}

/** The tables whose count or checksum differ, described for a person ("AuditLog: 1200 rows, expected 1201"). */
export function compareFingerprints(expected: Fingerprints, actual: Fingerprints): string[] {
  const problems: string[] = [];
  for (const table of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const want = expected[table];
    const got = actual[table];
    if (!want) problems.push(`${table}: not in the backup`);
    else if (!got) problems.push(`${table}: missing after restore`);
    else if (want.rows !== got.rows) problems.push(`${table}: ${got.rows} rows, expected ${want.rows}`);
    else if (want.checksum !== got.checksum) problems.push(`${table}: contents differ (checksum)`);
  }
  return problems;
}
