// GET /api/v1/registry/counts: monthly counts of qualified firms from the registry (scope read).
import { handleApi } from '@/lib/gate/api';
import { notAllowed } from '@/lib/gate/api-methods';
import { getRegistryCountsForApi } from '@/lib/queries/api/read';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return handleApi<{ kind?: string; from?: string; to?: string }>(request, 'registryCounts', async ({ actor, input, now }) => {
    const body = await getRegistryCountsForApi(actor, input, now);
    return { body, rows: body.data.length };
  });
}

export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
