// Server only. Reading an /api/v1 request's input: query and path parameters, or a JSON body (size-capped, JSON
// only), checked with the endpoint's Zod schema. Every problem is an ApiError with the field's path, in Chinese and
// English; nothing here can throw anything else for any input.
import 'server-only';
import { z } from 'zod';
import type { Endpoint } from '@/lib/api/endpoints';
import { ApiError, fromZodIssues } from '@/lib/api/errors';
import zhApi from '@/lib/i18n/messages/zh-CN/api.json';
import enApi from '@/lib/i18n/messages/en/api.json';
import zhValidation from '@/lib/i18n/messages/zh-CN/validation.json';
import enValidation from '@/lib/i18n/messages/en/validation.json';
import { queryObject } from '@/lib/gate/route';

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

const zh: Record<string, string> = { ...zhValidation, ...Object.fromEntries(Object.entries(zhApi.validation).map(([k, v]) => [`api.${k}`, v])) };
const en: Record<string, string> = { ...enValidation, ...Object.fromEntries(Object.entries(enApi.validation).map(([k, v]) => [`api.${k}`, v])) };
const lookup = (table: Record<string, string>, message: string) => table[message.startsWith('validation.') ? message.slice(11) : message];

function check(schema: z.ZodType, value: unknown, code: 'invalid_request' | 'validation_failed'): unknown {
  const zhResult = schema.safeParse(value, { error: z.locales.zhCN().localeError });
  if (zhResult.success) return zhResult.data;
  const enResult = schema.safeParse(value, { error: z.locales.en().localeError });
  const enIssues = enResult.success ? [] : enResult.error.issues;
  const issues = zhResult.error.issues;
  // The same schema and value give the same issues in the same order; only the words differ.
  throw fromZodIssues(issues, code, (message) => {
    const i = issues.findIndex((x) => x.message === message);
    return { zh: lookup(zh, message) ?? message, en: lookup(en, message) ?? enIssues[i]?.message ?? message };
  });
}

async function readBody(request: Request): Promise<string> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') throw new ApiError('unsupported_media_type', '请求体应为 JSON（Content-Type: application/json）', 'Send a JSON body (Content-Type: application/json)', 'Content-Type');
  const declared = Number(request.headers.get('content-length') ?? '0');
  const tooLarge = () => new ApiError('payload_too_large', `请求体不能超过 ${MAX_BODY_BYTES / 1024 / 1024} MB`, `The body may be at most ${MAX_BODY_BYTES / 1024 / 1024} MB`, null);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiError('malformed_json', '请求体不是有效的 UTF-8 文本', 'The body is not valid UTF-8', null);
  }
}

/** The checked input, and the raw body (for the idempotency hash). */
export async function readApiInput(request: Request, endpoint: Endpoint, params: Record<string, string>): Promise<{ data: unknown; raw: string | null }> {
  if (endpoint.body) {
    const raw = await readBody(request);
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new ApiError('malformed_json', '请求体不是有效的 JSON', 'The body is not valid JSON', null);
    }
    return { data: check(endpoint.body, parsed, 'validation_failed'), raw };
  }
  const query = endpoint.query ? check(endpoint.query, queryObject(new URL(request.url).searchParams), 'invalid_request') : {};
  const path = endpoint.params ? check(endpoint.params, params, 'invalid_request') : {};
  return { data: { ...(query as object), ...(path as object) }, raw: null };
}
