// Pure: the OpenAPI 3.1 document of /api/v1, generated from the endpoint table and its Zod schemas with zod 4's own
// JSON Schema conversion (draft 2020-12, which OpenAPI 3.1 uses). Served at /api/v1/openapi.json.
import { z } from 'zod';
import { apiErrorCodes } from '@/lib/api/errors';
import { endpoints, type Endpoint } from '@/lib/api/endpoints';
import { errorResponseSchema } from '@/lib/schemas/api/responses';

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** Query and path parameters, one per property of the (object) schema. */
function parameters(schema: z.ZodType | undefined, where: 'query' | 'path'): JsonSchema[] {
  if (!schema) return [];
  const json = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    schema: s,
  }));
}

const errorRef = { $ref: '#/components/responses/Error' };

function operation(e: Endpoint): JsonSchema {
  const headers = e.idempotent
    ? [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'Repeats of the same key and body get the first answer again, without a second write', schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{8,100}$' } }]
    : [];
  const statuses = e.method === 'post' ? ['400', '401', '403', '409', '413', '415', '422', '429'] : ['400', '401', '403', '404', '429'];
  return {
    operationId: e.id,
    summary: e.summary,
    description: `Scope: \`${e.scope}\`.`,
    security: [{ bearer: [] }],
    parameters: [...parameters(e.params, 'path'), ...parameters(e.query, 'query'), ...headers],
    ...(e.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(e.body, 'input') } } } } : {}),
    responses: {
      '200': { description: 'OK', content: { 'application/json': { schema: schemaOf(e.response, 'output') } } },
      ...Object.fromEntries(statuses.map((s) => [s, errorRef])),
    },
  };
}

export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const e of Object.values(endpoints) as Endpoint[]) (paths[e.path] ??= {})[e.method] = operation(e);
  return {
    openapi: '3.1.0',
    info: {
      title: '北碚区“高科双企 双倍增”监测调度平台 API',
      version: '1.0.0',
      description:
        '信息数据共享机制: read the plan and approved figures, push monthly figures into review and enterprise rows into the registry. ' +
        'Authorization: Bearer <token> only (cookies are refused). Errors: { error: { code, message: { zh, en }, path } }. See docs/api.md.',
    },
    servers: [{ url: '/api/v1' }],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token created by the system admin at /admin/api-clients' } },
      schemas: { Error: schemaOf(errorResponseSchema, 'output') },
      responses: {
        Error: {
          description: `An error; codes: ${Object.entries(apiErrorCodes).map(([c, s]) => `${c} (${s})`).join(', ')}`,
          headers: { 'Retry-After': { description: 'Seconds to wait (429, 503)', schema: { type: 'integer' } } },
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    },
    paths,
  };
}
