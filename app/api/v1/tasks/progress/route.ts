// GET /api/v1/tasks/progress: each task's latest approved progress from its lead units (scope read).
import { handleApi } from '@/lib/gate/api';
import { notAllowed } from '@/lib/gate/api-methods';
import { monthOf } from '@/lib/periods';
import { getTaskProgressForApi } from '@/lib/queries/api/read';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return handleApi<{ month?: string }>(request, 'taskProgress', async ({ actor, input, now }) => {
    const body = await getTaskProgressForApi(actor, input.month ?? monthOf(now));
    return { body, rows: body.tasks.reduce((n, t) => n + t.reports.length, 0) };
  });
}

export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
