// GET /api/v1/bulletins: published monthly bulletins (scope read).
import { handleApi } from '@/lib/gate/api';
import { notAllowed } from '@/lib/gate/api-methods';
import { listPublishedBulletinsForApi } from '@/lib/queries/api/read';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return handleApi(request, 'bulletins', async ({ actor }) => {
    const body = await listPublishedBulletinsForApi(actor);
    return { body, rows: body.data.length };
  });
}

export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
