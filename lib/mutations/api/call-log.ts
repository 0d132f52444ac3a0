// Server only. The API's bookkeeping writes: one audit row per call (client, endpoint, outcome, rows), the
// per-client rate-limit counter, and the stored answers of idempotent writes.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { getDb } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';

type Tx = Prisma.TransactionClient;

export interface CallEntry {
  clientId: number | null;
  endpoint: string;
  status: number;
  /** The error code, or null on success. */
  code: string | null;
  rows: number;
  /** Why a call without a client was refused (no token, wrong token). */
  detail?: string;
}

/** Written in the caller's transaction for writes (with the write), on its own for reads and refusals. */
export async function recordApiCall(client: Tx | null, actor: Actor, entry: CallEntry): Promise<void> {
  const row = {
    event: 'api.request' as const,
    targetType: 'apiClient',
    targetId: entry.clientId ?? undefined,
    result: entry.status < 400 ? ('success' as const) : ('failure' as const),
    reason: [entry.endpoint, entry.code, entry.detail].filter(Boolean).join(' '),
    after: { endpoint: entry.endpoint, status: entry.status, code: entry.code, rows: entry.rows },
  };
  if (client) return recordAudit(client, actor, row);
  const db = await getDb();
  await db.$transaction((tx) => recordAudit(tx, actor, row));
}

/**
 * Counts one call in the client's current one-minute window and returns the count so far: one statement, atomic
 * in PostgreSQL, so concurrent calls from any number of app processes each get their own number.
 */
export async function countCall(clientId: number, windowStart: Date, database?: Pick<Tx, '$queryRaw'>): Promise<{ count: number; windowStart: Date }> {
  const db = database ?? (await getDb());
  const rows = await db.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "ApiRateWindow" ("clientId", "windowStart", "count") VALUES (${clientId}, ${windowStart}, 1)
    ON CONFLICT ("clientId") DO UPDATE SET
      "count" = CASE WHEN "ApiRateWindow"."windowStart" >= EXCLUDED."windowStart" THEN "ApiRateWindow"."count" + 1 ELSE 1 END,
      "windowStart" = GREATEST("ApiRateWindow"."windowStart", EXCLUDED."windowStart")
    RETURNING "count", "windowStart"`;
  return { count: Number(rows[0].count), windowStart: new Date(rows[0].windowStart) };
}

export interface StoredAnswer {
  requestHash: string;
  endpoint: string;
  status: number;
  response: unknown;
}

export async function findAnswer(clientId: number, key: string): Promise<StoredAnswer | null> {
  const db = await getDb();
  return db.apiIdempotency.findUnique({ where: { clientId_key: { clientId, key } }, select: { requestHash: true, endpoint: true, status: true, response: true } });
}

/** In the write's transaction: a concurrent twin with the same key fails on the unique index and is answered from the row. */
export async function storeAnswer(tx: Tx, clientId: number, key: string, answer: StoredAnswer): Promise<void> {
  await tx.apiIdempotency.create({
    data: { clientId, key, endpoint: answer.endpoint, requestHash: answer.requestHash, status: answer.status, response: answer.response as Prisma.InputJsonValue },
  });
}
