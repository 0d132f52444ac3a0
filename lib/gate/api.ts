// Server only. The gate's door for /api/v1: bearer token (never a cookie), client state (revoked, expired, source
// address), scope, per-client rate limit, input (size, JSON, Zod), idempotency, then one domain call; every answer,
// refusals included, is the API's JSON error shape and is audited. Bad input is a 4xx, never a 500.
import 'server-only';
import { apiActor, type Actor } from '@/lib/actor';
import { clientAddress } from '@/lib/api/address';
import { endpoints, type Endpoint, type EndpointName } from '@/lib/api/endpoints';
import { ApiError, fieldDetails } from '@/lib/api/errors';
import { readApiInput } from '@/lib/gate/api-input';
import { authenticateApi } from '@/lib/gate/api-auth';
import { systemClock, type Clock } from '@/lib/clock';
import { env } from '@/lib/env';
import type { ApiGrant } from '@/lib/api/scope';
import { bodyHash } from '@/lib/api/token';
import { ConflictError, DomainError, ForbiddenError, InvalidTransitionError, isDatabaseUnavailable, NotFoundError, prismaErrorCode } from '@/lib/errors';
import { logUnexpected } from '@/lib/gate/admit';
import { findAnswer, recordApiCall, storeAnswer } from '@/lib/mutations/api/call-log';
import type { Tx } from '@/lib/mutations/reporting/store';
import { ReportValidationError } from '@/lib/reporting/errors';

export interface ApiCall<I> {
  actor: Actor;
  input: I;
  now: Date;
  /** Writes only: call inside the write's transaction, so the answer, its audit row and the write commit together. */
  finish: (tx: Tx, body: unknown, rows: number) => Promise<void>;
}

export interface ApiAnswer {
  body: unknown;
  rows: number;
}

const IDEMPOTENCY_KEY_RE = /^[A-Za-z0-9._:-]{8,100}$/;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers },
  });
}

/** Domain errors in the API's words; anything unknown is null (a 500 with an id, logged). */
export function apiErrorOf(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof ReportValidationError) return new ApiError('validation_failed', error.message, error.messageEn, Object.keys(error.fieldErrors)[0] ?? null, fieldDetails(error.fields ?? {}));
  if (error instanceof ForbiddenError) return new ApiError('out_of_scope', error.message, error.messageEn);
  if (error instanceof NotFoundError) return new ApiError('not_found', error.message, error.messageEn);
  if (error instanceof ConflictError || error instanceof InvalidTransitionError) return new ApiError('conflict', error.message, error.messageEn);
  if (error instanceof DomainError) return new ApiError('validation_failed', error.message, error.messageEn, null, error.fields ? fieldDetails(error.fields) : undefined);
  if (isDatabaseUnavailable(error)) return new ApiError('unavailable', '数据库暂时不可用，请稍后重试', 'The database is unavailable; try again shortly', null, undefined, { 'Retry-After': '5' });
  return null;
}

/** One call to an endpoint of the table; `params` are the route's path parameters. */
export async function handleApi<I>(
  request: Request,
  name: EndpointName,
  handler: (call: ApiCall<I>) => Promise<ApiAnswer>,
  options: { params?: Record<string, string>; clock?: Clock } = {},
): Promise<Response> {
  const endpoint: Endpoint = endpoints[name];
  const label = `${endpoint.method.toUpperCase()} ${endpoint.path}`;
  const now = (options.clock ?? systemClock)();
  const ip = clientAddress(request.headers.get('x-forwarded-for'), env().API_TRUSTED_PROXIES);
  let actor: Actor = { userId: null, username: 'api:unknown', roles: [], unitId: null, sessionId: null, ip };
  let clientId: number | null = null;
  try {
    const auth = await authenticateApi(request, ip, endpoint, now);
    actor = apiActor(auth.grant, ip);
    clientId = auth.grant.clientId;
    const input = await readApiInput(request, endpoint, options.params ?? {});
    const key = endpoint.idempotent ? request.headers.get('idempotency-key') : null;
    if (key !== null && !IDEMPOTENCY_KEY_RE.test(key)) {
      throw new ApiError('idempotency_key_invalid', 'Idempotency-Key 应为 8–100 个字母、数字或 ._:-', 'Idempotency-Key must be 8–100 letters, digits or ._:-', 'Idempotency-Key');
    }
    const hash = input.raw === null ? '' : bodyHash(`${label}\n${input.raw}`);
    if (key !== null) {
      const replay = await replayAnswer(actor, clientId, key, hash, label);
      if (replay) return replay;
    }
    let finished = false;
    const finish = async (tx: Tx, body: unknown, rows: number) => {
      if (key !== null) await storeAnswer(tx, clientId!, key, { requestHash: hash, endpoint: label, status: 200, response: body });
      await recordApiCall(tx, actor, { clientId, endpoint: label, status: 200, code: null, rows });
      finished = true;
    };
    let answer: ApiAnswer;
    try {
      answer = await handler({ actor, input: input.data as I, now, finish });
    } catch (error) {
      // A twin request with the same key committed first: answer as it was answered.
      if (key !== null && prismaErrorCode(error) === 'P2002') {
        const replay = await replayAnswer(actor, clientId, key, hash, label);
        if (replay) return replay;
      }
      throw error;
    }
    if (!finished) await recordApiCall(null, actor, { clientId, endpoint: label, status: 200, code: null, rows: answer.rows });
    return json(200, answer.body, auth.headers);
  } catch (error) {
    // A refusal after the token was recognised names the client in its audit row.
    const grant = (error as { grant?: ApiGrant } | null)?.grant;
    if (grant && clientId === null) {
      actor = apiActor(grant, ip);
      clientId = grant.clientId;
    }
    const known = apiErrorOf(error);
    const refusal = known ?? new ApiError('internal', `服务器内部错误（编号 ${logUnexpected(error, label)}）`, 'Internal error; quote the id above to the operator');
    try {
      await recordApiCall(null, actor, { clientId, endpoint: label, status: refusal.status, code: refusal.code, rows: 0, detail: refusal.code === 'internal' ? refusal.zh : undefined });
    } catch (auditError) {
      logUnexpected(auditError, `${label} audit`);
    }
    return json(refusal.status, refusal.body(), refusal.headers);
  }
}

async function replayAnswer(actor: Actor, clientId: number, key: string, hash: string, label: string): Promise<Response | null> {
  const stored = await findAnswer(clientId, key);
  if (!stored) return null;
  if (stored.requestHash !== hash || stored.endpoint !== label) {
    throw new ApiError(
      'idempotency_key_reused',
      '该 Idempotency-Key 已用于另一份请求内容；新的推送请换一个键',
      'This Idempotency-Key was used with a different request; use a new key for a new push',
      'Idempotency-Key',
    );
  }
  await recordApiCall(null, actor, { clientId, endpoint: label, status: stored.status, code: null, rows: 0, detail: 'idempotent replay' });
  return json(stored.status, stored.response, { 'Idempotency-Replayed': 'true' });
}
