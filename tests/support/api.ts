// Helpers for the /api/v1 contract tests: clients created through the admin's own domain function, requests built
// as real Request objects for the route handlers, and every answer checked against the generated OpenAPI document
// (JSON Schema draft 2020-12, validated by ajv).
import Ajv2020 from 'ajv/dist/2020';
import { expect } from 'vitest';
import type { Actor } from '@/lib/actor';
import { openApiDocument } from '@/lib/api/openapi';
import { createApiClient } from '@/lib/mutations/api/clients';
import type { CreateApiClientInput } from '@/lib/schemas/api/admin';

export const BASE = 'http://platform.test/api/v1';

type Json = Record<string, unknown>;
const doc = openApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, Json> }>>; components: { schemas: { Error: Json } } };
const ajv = new Ajv2020({ allErrors: true, strict: false });
const errorValidator = ajv.compile(doc.components.schemas.Error);
const okValidators = new Map<string, ReturnType<typeof ajv.compile>>();

/** The answer's body, checked against the document: the 200 schema of the operation, or the Error schema. */
export function expectDocumented(path: string, method: 'get' | 'post', status: number, body: unknown): void {
  const operation = doc.paths[path]?.[method];
  expect(operation, `${method} ${path} is documented`).toBeDefined();
  if (status === 200) {
    const key = `${method} ${path}`;
    if (!okValidators.has(key)) okValidators.set(key, ajv.compile((operation.responses['200'] as { content: { 'application/json': { schema: Json } } }).content['application/json'].schema));
    const validate = okValidators.get(key)!;
    expect(validate(body), `${key} 200 body: ${ajv.errorsText(validate.errors)}`).toBe(true);
  } else {
    expect(operation.responses[String(status)], `${method} ${path} documents ${status}`).toBeDefined();
    expect(errorValidator(body), `${method} ${path} ${status} body: ${ajv.errorsText(errorValidator.errors)}`).toBe(true);
  }
}

export interface CallOptions {
  token?: string | null;
  query?: Record<string, string>;
  body?: unknown;
  /** Sent as is (malformed JSON, huge bodies). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** The address the (trusted) reverse proxy saw. */
  from?: string;
}

export function apiRequest(method: 'GET' | 'POST' | 'PUT', path: string, options: CallOptions = {}): Request {
  const url = new URL(BASE + path);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.append(k, v);
  const headers = new Headers(options.headers);
  if (options.token) headers.set('authorization', `Bearer ${options.token}`);
  if (options.from) headers.set('x-forwarded-for', options.from);
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return new Request(url, { method, headers, body });
}

export interface Answer {
  status: number;
  body: Json & { error?: { code: string; path: string | null; message: { zh: string; en: string } } };
  headers: Headers;
}

export async function answer(response: Response): Promise<Answer> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return { status: response.status, body: (await response.json()) as Answer['body'], headers: response.headers };
}

/** Calls a route handler and checks the answer against the document. `docPath` is the OpenAPI path template. */
export async function call(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- route handlers take their own context types
  handler: (request: Request, context: any) => Promise<Response>,
  method: 'GET' | 'POST',
  docPath: string,
  options: CallOptions & { path?: string; context?: unknown } = {},
): Promise<Answer> {
  const response = await handler(apiRequest(method, options.path ?? docPath, options), options.context);
  const a = await answer(response);
  expectDocumented(docPath, method.toLowerCase() as 'get' | 'post', a.status, a.body);
  return a;
}

let n = 0;
export async function makeClient(admin: Actor, now: Date, overrides: Partial<CreateApiClientInput> = {}): Promise<{ id: number; token: string }> {
  n += 1;
  const expires = new Date(now.getTime() + 365 * 86_400_000).toISOString().slice(0, 10);
  const created = await createApiClient(admin, { name: `测试系统${n}-${Math.random().toString(36).slice(2, 7)}`, scopes: ['read'], unitIds: [], indicatorIds: [], allowedIps: [], expiresOn: expires, rateLimitPerMinute: 10_000, ...overrides }, now);
  return { id: created.id, token: created.token };
}
