// POST /api/v1/registry/imports: enterprise rows into the registry import, dryRun or commit (scope registry;
// Idempotency-Key).
import { handleApi } from '@/lib/gate/api';
import { notAllowed } from '@/lib/gate/api-methods';
import { pushRegistryRows } from '@/lib/mutations/api/push-registry';
import type { RegistryPushInput } from '@/lib/schemas/api/requests';

export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  return handleApi<RegistryPushInput>(request, 'registryImport', async ({ actor, input, finish }) => {
    const rowsOf = (r: { committed: boolean; counts: { created: number; updated: number } }) => (r.committed ? r.counts.created + r.counts.updated : 0);
    const body = await pushRegistryRows(actor, input, (tx, result) => finish(tx, result, rowsOf(result)));
    return { body, rows: rowsOf(body) };
  });
}

export const { GET, PUT, PATCH, DELETE } = notAllowed('POST');
