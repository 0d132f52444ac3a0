// GET /api/v1/openapi.json: the OpenAPI 3.1 document, generated from the schemas the endpoints validate with. Public:
// it describes the API, it holds no data.
import { openApiDocument } from '@/lib/api/openapi';
import { json } from '@/lib/gate/api';

export const dynamic = 'force-static';

export async function GET(): Promise<Response> {
  return json(200, openApiDocument(), { 'Cache-Control': 'public, max-age=300' });
}
