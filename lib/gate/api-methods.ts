// Server only. JSON answers for what is not an endpoint: an unknown /api/v1 path (404) or a method the path does
// not take (405 with Allow), so a client never gets Next.js's HTML pages.
import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { json } from '@/lib/gate/api';

export function notFound(): Response {
  const e = new ApiError('not_found', '没有这个接口，请查看 /api/v1/openapi.json', 'No such endpoint; see /api/v1/openapi.json');
  return json(e.status, e.body());
}

/** Handlers for the methods a path does not take. */
export function notAllowed(allow: string) {
  const answer = async () => {
    const e = new ApiError('method_not_allowed', `该接口只接受 ${allow}`, `This endpoint takes ${allow} only`, null, undefined, { Allow: allow });
    return json(e.status, e.body(), e.headers);
  };
  return { GET: answer, POST: answer, PUT: answer, PATCH: answer, DELETE: answer };
}
