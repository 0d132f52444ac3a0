// GET /api/v1/bulletins/{month}: one published bulletin's frozen content (scope read).
import { handleApi } from '@/lib/gate/api';
import { notAllowed } from '@/lib/gate/api-methods';
import { getPublishedBulletinForApi } from '@/lib/queries/api/read';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, context: { params: Promise<{ month: string }> }): Promise<Response> {
  const params = await context.params;
  return handleApi<{ month: string }>(request, 'bulletin', async ({ actor, input, now }) => ({ body: await getPublishedBulletinForApi(actor, input.month, now), rows: 1 }), { params });
}

export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
