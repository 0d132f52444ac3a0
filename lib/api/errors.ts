// Pure: the API's one error shape, `{ error: { code, message: { zh, en }, path, details? } }`, with stable codes.
// Clients branch on `code`; `path` names the offending field (`values.0.value`) or is null. Never HTML, never a stack.
import type { z } from 'zod';

export const apiErrorCodes = {
  unauthenticated: 401,
  token_invalid: 401,
  token_expired: 401,
  token_revoked: 401,
  cookie_not_accepted: 401,
  address_not_allowed: 403,
  out_of_scope: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  idempotency_key_reused: 422,
  idempotency_key_invalid: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  malformed_json: 400,
  invalid_request: 400,
  validation_failed: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ApiErrorCode = keyof typeof apiErrorCodes;

export interface ApiErrorDetail {
  path: string | null;
  message: { zh: string; en: string };
}

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: { zh: string; en: string }; path: string | null; details?: ApiErrorDetail[] };
}

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    readonly zh: string,
    readonly en: string,
    readonly path: string | null = null,
    readonly details?: ApiErrorDetail[],
    /** Extra response headers (Retry-After, Allow). */
    readonly headers: Record<string, string> = {},
  ) {
    super(en);
    this.status = apiErrorCodes[code];
  }

  body(): ApiErrorBody {
    return { error: { code: this.code, message: { zh: this.zh, en: this.en }, path: this.path, ...(this.details ? { details: this.details } : {}) } };
  }
}

/** Zod issues → one `invalid_request` (query) or `validation_failed` (body) error naming the first path, all in details. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], code: 'invalid_request' | 'validation_failed', translate: (message: string) => { zh: string; en: string }): ApiError {
  // An unknown field is named by its own path (`values.0.status`), not its parent's.
  const pathOf = (i: z.core.$ZodIssue) => (i.code === 'unrecognized_keys' && i.keys.length > 0 ? [...i.path, i.keys[0]] : i.path);
  const details = issues.slice(0, 50).map((i) => ({ path: pathOf(i).length ? pathOf(i).join('.') : null, message: translate(i.message) }));
  const first = details[0];
  return new ApiError(
    code,
    `请求内容有误：${first?.message.zh ?? '格式不正确'}`,
    `The request is not valid: ${first?.message.en ?? 'bad format'}`,
    first?.path ?? null,
    details,
  );
}

/** Domain field errors (`values.<key>.value` → messages) as details, for a refusal by the reporting rules. */
export function fieldDetails(fields: Record<string, { zh: string[]; en: string[] }>, rename: (path: string) => string = (p) => p): ApiErrorDetail[] {
  return Object.entries(fields).flatMap(([path, m]) => m.zh.map((zh, i) => ({ path: rename(path), message: { zh, en: m.en[i] ?? zh } })));
}
