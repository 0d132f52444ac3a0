// Server only. What every download route shares: session (401 JSON), permission (403), Zod on the query (400 with
// per-field messages), domain errors as JSON, and file responses with an RFC 5987 filename and no caching.
import { cookies } from 'next/headers';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import type { Actor } from '@/lib/actor';
import { domainErrorMessage, unexpectedErrorMessage } from '@/lib/actions/action-state';
import { getCurrentSession } from '@/lib/auth/current-actor';
import { ForbiddenError, isDatabaseUnavailable, NotFoundError } from '@/lib/errors';
import { LOCALE_COOKIE, toLocale, type AppLocale } from '@/lib/i18n/locale';
import { recordRefusal } from '@/lib/mutations/refusals';
import { can, type Action } from '@/lib/permissions';
import { parseInput } from '@/lib/validation/parse';

const messages = {
  'zh-CN': { signIn: '未登录或登录已过期', pending: '请先修改密码并启用动态验证码', invalid: '请求参数有误' },
  en: { signIn: 'Not signed in, or the session has expired', pending: 'Change your password and enrol the second factor first', invalid: 'The request parameters are not valid' },
} as const;

export function refuse(status: number, body: Record<string, unknown>): NextResponse {
  return NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** Repeated parameters become arrays, so that the strict schema refuses them rather than silently taking one. */
export function queryObject(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

/** `attachment` with an ASCII fallback and the real (Chinese) name as RFC 5987 `filename*`. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function fileResponse(body: Buffer | string, fileName: string, contentType: string): Response {
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    status: 200,
    headers: { 'Content-Type': contentType, 'Content-Disposition': contentDisposition(fileName), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
}

/** Session → permission → query schema → handler; domain errors become 403/404/400 JSON, anything else 500 with an id. */
export async function handleDownload<S extends z.ZodType>(
  request: NextRequest,
  options: { schema: S; permission: Action; name: string },
  handler: (actor: Actor, input: z.output<S>, locale: AppLocale) => Promise<Response>,
): Promise<Response> {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const text = messages[locale];
  const session = await getCurrentSession();
  if (!session) return refuse(401, { error: text.signIn });
  if (session.mustChangePassword || session.needsSecondFactor) return refuse(403, { error: text.pending });
  // Unit-scoped actions (import) are checked against the session's own unit; the query never names it.
  if (!can(session.actor, options.permission, { unitId: session.actor.unitId })) {
    await recordRefusal(session.actor, { action: options.name });
    return refuse(403, { error: domainErrorMessage(new ForbiddenError(), locale) });
  }
  const parsed = parseInput(options.schema, queryObject(request.nextUrl.searchParams), locale);
  if (!parsed.success) return refuse(400, { error: parsed.formErrors[0] ?? text.invalid, fieldErrors: parsed.fieldErrors });
  try {
    return await handler(session.actor, parsed.data, locale);
  } catch (error) {
    if (error instanceof ForbiddenError) await recordRefusal(session.actor, { action: options.name, reason: error.messageEn });
    const known = domainErrorMessage(error, locale);
    if (known) return refuse(error instanceof ForbiddenError ? 403 : error instanceof NotFoundError ? 404 : 400, { error: known });
    // 503 + Retry-After for a database outage: clients and proxies know to try again.
    if (isDatabaseUnavailable(error)) return NextResponse.json({ error: unexpectedErrorMessage(error, options.name, locale) }, { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': '5' } });
    return refuse(500, { error: unexpectedErrorMessage(error, options.name, locale) });
  }
}
