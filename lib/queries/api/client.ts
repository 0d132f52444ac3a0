// Server only. Finding the API client a bearer token belongs to. Looked up by the token's hash on every call, with
// no cache, so a revocation or expiry applies to the very next call in every process.
import 'server-only';
import { getDb } from '@/lib/db/client';
import type { ApiScope } from '@/lib/api/scope';

export interface ApiClientRecord {
  id: number;
  name: string;
  scopes: ApiScope[];
  unitIds: number[];
  indicatorIds: number[];
  allowedIps: string[];
  rateLimitPerMinute: number | null;
  expiresAt: Date;
  revokedAt: Date | null;
}

export async function findClientByTokenHash(tokenHash: string): Promise<ApiClientRecord | null> {
  const db = await getDb();
  return db.apiClient.findUnique({
    where: { tokenHash },
    select: { id: true, name: true, scopes: true, unitIds: true, indicatorIds: true, allowedIps: true, rateLimitPerMinute: true, expiresAt: true, revokedAt: true },
  });
}
