// Server only. Every function takes the viewer first. The API clients as the system admin sees them: never a token
// or its hash, only the prefix that tells tokens apart.
import 'server-only';
import type { Actor } from '@/lib/actor';
import type { ApiScope } from '@/lib/api/scope';
import { getDb } from '@/lib/db/client';
import { ForbiddenError } from '@/lib/errors';
import { can } from '@/lib/permissions';

export interface ApiClientDto {
  id: number;
  name: string;
  scopes: ApiScope[];
  unitIds: number[];
  indicatorIds: number[];
  allowedIps: string[];
  rateLimitPerMinute: number | null;
  tokenPrefix: string;
  expiresAt: Date;
  revokedAt: Date | null;
  createdAt: Date;
  version: number;
}

export async function listApiClients(viewer: Actor): Promise<ApiClientDto[]> {
  if (!can(viewer, 'apiClient.manage')) throw new ForbiddenError();
  const db = await getDb();
  return db.apiClient.findMany({
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
    select: { id: true, name: true, scopes: true, unitIds: true, indicatorIds: true, allowedIps: true, rateLimitPerMinute: true, tokenPrefix: true, expiresAt: true, revokedAt: true, createdAt: true, version: true },
  });
}
