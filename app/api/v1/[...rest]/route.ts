// Any other /api/v1 path: a JSON 404, never the HTML not-found page.
import { notFound } from '@/lib/gate/api-methods';

export const dynamic = 'force-dynamic';

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
