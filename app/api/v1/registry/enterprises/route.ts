// GET /api/v1/registry/enterprises: the registry's firms, 50 a page (scope read).
import { handleApi } from '@/lib/gate/api';
import { notAllowed } from '@/lib/gate/api-methods';
import { listEnterprisesForApi } from '@/lib/queries/api/read';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return handleApi<{ town?: number; park?: number; holds?: string; page?: number }>(request, 'enterprises', async ({ actor, input, now }) => {
    const body = await listEnterprisesForApi(actor, input, now);
    return { body, rows: body.data.length };
  });
}

export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
