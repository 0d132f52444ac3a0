// Server only. The PostgreSQL settings without which a committed write can be lost in a crash or power cut
// (fsync, full_page_writes, synchronous_commit): read from the server, never assumed.
import type { Db } from '@/lib/db/client';

export const durabilitySettings = ['fsync', 'full_page_writes', 'synchronous_commit'] as const;
export type DurabilitySetting = (typeof durabilitySettings)[number];

export interface DurabilityCheck {
  engine: 'postgres' | 'pglite';
  /** The settings that are off, in the order above; empty when all is well. */
  off: DurabilitySetting[];
}

/** Pure. synchronous_commit may be local/remote_write/remote_apply (still durable on this server); only off loses commits. */
export function settingsOff(rows: { name: string; setting: string }[]): DurabilitySetting[] {
  const value = new Map(rows.map((row) => [row.name, row.setting.toLowerCase()]));
  return durabilitySettings.filter((name) => value.get(name) === 'off');
}

/** Reads the settings as the application's own connections see them (a per-role or per-database override counts). */
export async function checkDurability(db: Db, engine: DurabilityCheck['engine']): Promise<DurabilityCheck> {
  const rows = await db.$queryRawUnsafe<{ name: string; setting: string }[]>(
    `SELECT name, setting FROM pg_settings WHERE name IN (${durabilitySettings.map((name) => `'${name}'`).join(', ')})`,
  );
  return { engine, off: settingsOff(rows) };
}

/** The start-up log line for a check, or null when nothing is off. */
export function durabilityWarning(check: DurabilityCheck): string | null {
  if (check.off.length === 0) return null;
  if (check.engine === 'pglite') {
    return `WARNING: the embedded database runs with ${check.off.join(', ')} off (PGlite always does): a power cut or OS crash may lose the last writes. Use PostgreSQL (DATABASE_URL) in production.`;
  }
  return `WARNING: PostgreSQL runs with ${check.off.join(', ')} off: a crash or power cut may lose or corrupt committed data. Turn ${check.off.length > 1 ? 'them' : 'it'} on in postgresql.conf (see docs/operations.md).`;
}
