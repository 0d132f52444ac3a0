// The invariant every fuzz test checks after each case (issue 16): a clear refusal (a DomainError with a message)
// that changed no row, or a valid write with its audit row; never an unexpected error. Shared by the fuzz files so
// the rule is one rule; each file only names its exceptions.
import { expect } from 'vitest';
import { getDb } from '@/lib/db/client';
import { isDomainError } from '@/lib/errors';

/** Moves once with every committed writing transaction (the data_version triggers), and the audit row count. */
async function writeMarks(): Promise<{ writes: bigint; audit: number }> {
  const db = await getDb();
  const [row] = await db.$queryRawUnsafe<{ anything: bigint; audit: number }[]>('SELECT "anything", (SELECT count(*)::int FROM "AuditLog") AS audit FROM "DataVersion"');
  return { writes: BigInt(row.anything), audit: Number(row.audit) };
}

export interface FuzzOptions {
  /** Entry points whose refusal writes on purpose, audited (a wrong current password counts towards the lockout). */
  refusalMayWrite?: (name: string) => boolean;
}

export function fuzzOutcomes(options: FuzzOptions = {}) {
  const outcomes = new Map<string, Record<string, number>>();
  function count(name: string, outcome: string) {
    const byOutcome = outcomes.get(name) ?? {};
    byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1;
    outcomes.set(name, byOutcome);
  }

  async function expectRefusedOrWritten(name: string, call: () => Promise<unknown>): Promise<void> {
    const before = await writeMarks();
    try {
      await call();
      const after = await writeMarks();
      if (after.writes !== before.writes) expect(after.audit, `${name}: a write without an audit row`).toBeGreaterThan(before.audit);
      count(name, after.writes !== before.writes ? 'written' : 'accepted, nothing to change');
    } catch (error) {
      if (!isDomainError(error)) throw new Error(`${name}: unexpected ${(error as Error)?.constructor?.name}: ${(error as Error)?.message}`, { cause: error });
      expect(error.message.length, `${name}: a refusal without a message`).toBeGreaterThan(0);
      const after = await writeMarks();
      if (options.refusalMayWrite?.(name)) {
        if (after.writes !== before.writes) expect(after.audit, `${name}: a refusal changed rows without an audit row`).toBeGreaterThan(before.audit);
      } else expect(after, `${name}: a refusal changed rows`).toEqual(before);
      count(name, `refused: ${error.constructor.name}`);
    }
  }

  return { outcomes, count, expectRefusedOrWritten };
}
