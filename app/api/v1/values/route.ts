// GET /api/v1/values: approved monthly figures, cursor-paginated (scope read).
// POST /api/v1/values: push one unit's figures for a month into review (scope report; Idempotency-Key).
import { decodeCursor } from '@/lib/api/cursor';
import { ApiError } from '@/lib/api/errors';
import { handleApi } from '@/lib/gate/api';
import { notAllowed } from '@/lib/gate/api-methods';
import { pushValues } from '@/lib/mutations/api/push-values';
import { listApprovedValues } from '@/lib/queries/api/read';
import type { PushValuesInput, ValuesQuery } from '@/lib/schemas/api/requests';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return handleApi<ValuesQuery>(request, 'values', async ({ actor, input }) => {
    const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
    if (after === null) throw new ApiError('invalid_request', '游标无效，请使用上一页返回的 nextCursor', 'Invalid cursor: use the nextCursor of the previous page', 'cursor');
    const body = await listApprovedValues(actor, { indicator: input.indicator, unit: input.unit, from: input.from, to: input.to, after, limit: input.limit ?? 100 });
    return { body, rows: body.data.length };
  });
}

export async function POST(request: Request): Promise<Response> {
  return handleApi<PushValuesInput>(request, 'pushValues', async ({ actor, input, now, finish }) => {
    const body = await pushValues(actor, input, () => now, (tx, result) => finish(tx, result, result.created + result.changed + result.submitted));
    return { body, rows: body.created + body.changed + body.submitted };
  });
}

export const { PUT, PATCH, DELETE } = notAllowed('GET, POST');
