// GET /api/v1/plan: units, groups, tasks, indicators with milestones (scope read).
import { handleApi } from '@/lib/gate/api';
import { notAllowed } from '@/lib/gate/api-methods';
import { getPlanForApi } from '@/lib/queries/api/read';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return handleApi(request, 'plan', async ({ actor }) => {
    const body = await getPlanForApi(actor);
    return { body, rows: body.units.length + body.groups.length + body.tasks.length + body.indicators.length };
  });
}

export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
