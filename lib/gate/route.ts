// Server only. The gate's door for route handlers (the downloads): session (401 JSON), permission (403), Zod on the
// query (400 with per-field messages), domain errors as JSON, anything else 500 with an id.
import 'server-only';
import { cookies } from 'next/headers';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import type { Actor } from '@/lib/actor';
import { getCurrentSession } from '@/lib/auth/current-actor';
import { ForbiddenError, isDatabaseUnavailable, NotFoundError } from '@/lib/errors';
import { admit, auditDomainRefusal, unexpectedErrorMessage, type Ask } from '@/lib/gate/admit';
import { domainErrorMessage, gateMessages } from '@/lib/gate/messages';
import { LOCALE_COOKIE, toLocale, type AppLocale } from '@/lib/i18n/locale';
import type { SessionState } from '@/lib/mutations/auth';
import type { Action } from '@/lib/permissions';
import { parseInput } from '@/lib/validation/parse';

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

export interface RouteOptions<S extends z.ZodType> {
  schema: S;
  permission: Action;
  name: string;
}

export type RouteHandler<S extends z.ZodType> = (actor: Actor, input: z.output<S>, locale: AppLocale) => Promise<Response>;

/** One request with its session and language already known (the request-free core of `handleDownload`). */
export async function runRoute<S extends z.ZodType>(
  session: SessionState | null,
  locale: AppLocale,
  params: URLSearchParams,
  options: RouteOptions<S>,
  handler: RouteHandler<S>,
): Promise<Response> {
  const text = gateMessages[locale];
  // Unit-scoped actions (import) are checked against the session's own unit; the query never names it.
  const ask: Ask = { permission: options.permission, name: options.name };
  const admission = await admit(session, ask);
  if (!admission.admitted) {
    if (admission.refusal === 'signIn') return refuse(401, { error: text.signIn });
    if (admission.refusal === 'pending') return refuse(403, { error: text.pending });
    return refuse(403, { error: domainErrorMessage(new ForbiddenError(), locale) });
  }
  const parsed = parseInput(options.schema, queryObject(params), locale);
  if (!parsed.success) return refuse(400, { error: parsed.formErrors[0] ?? text.invalidQuery, fieldErrors: parsed.fieldErrors });
  try {
    return await handler(admission.actor, parsed.data, locale);
  } catch (error) {
    await auditDomainRefusal(admission.actor, ask, error);
    const known = domainErrorMessage(error, locale);
    if (known) return refuse(error instanceof ForbiddenError ? 403 : error instanceof NotFoundError ? 404 : 400, { error: known });
    // 503 + Retry-After for a database outage: clients and proxies know to try again.
    if (isDatabaseUnavailable(error)) {
      return NextResponse.json({ error: unexpectedErrorMessage(error, options.name, locale) }, { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': '5' } });
    }
    return refuse(500, { error: unexpectedErrorMessage(error, options.name, locale) });
  }
}

/** Wraps a GET route: the session of the request and the language cookie, then `runRoute`. */
export async function handleDownload<S extends z.ZodType>(request: NextRequest, options: RouteOptions<S>, handler: RouteHandler<S>): Promise<Response> {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return runRoute(await getCurrentSession(), locale, request.nextUrl.searchParams, options, handler);
}
