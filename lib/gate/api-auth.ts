// Server only. Who is calling /api/v1: the bearer token's client, refused when the token is missing, unknown,
// revoked or expired, when the call comes from an address the client may not use, when the endpoint is outside its
// scopes, or when it is over its rate limit. A session cookie is never accepted in place of a token.
import 'server-only';
import { addressAllowed } from '@/lib/api/address';
import type { Endpoint } from '@/lib/api/endpoints';
import { ApiError } from '@/lib/api/errors';
import { decideRate, DEFAULT_RATE_LIMIT, windowStartOf } from '@/lib/api/rate';
import type { ApiGrant } from '@/lib/api/scope';
import { bearerToken, hashToken } from '@/lib/api/token';
import { env } from '@/lib/env';
import { countCall } from '@/lib/mutations/api/call-log';
import { findClientByTokenHash } from '@/lib/queries/api/client';

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=/;

export async function authenticateApi(request: Request, ip: string | null, endpoint: Endpoint, now: Date): Promise<{ grant: ApiGrant; headers: Record<string, string> }> {
  const bearer = bearerToken(request.headers.get('authorization'));
  if ('problem' in bearer) {
    if (bearer.problem === 'missing' && SESSION_COOKIE.test(request.headers.get('cookie') ?? '')) {
      throw new ApiError('cookie_not_accepted', '接口不接受登录会话，请使用 Authorization: Bearer 令牌', 'The API does not accept a session cookie; send Authorization: Bearer <token>', 'Authorization');
    }
    if (bearer.problem === 'missing') throw new ApiError('unauthenticated', '缺少令牌：请使用 Authorization: Bearer 令牌', 'No token: send Authorization: Bearer <token>', 'Authorization', undefined, { 'WWW-Authenticate': 'Bearer' });
    throw new ApiError('token_invalid', '令牌无效', 'The token is not valid', 'Authorization', undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  }
  const client = await findClientByTokenHash(hashToken(bearer.token));
  if (!client) throw new ApiError('token_invalid', '令牌无效', 'The token is not valid', 'Authorization', undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  const grant: ApiGrant = { clientId: client.id, clientName: client.name, scopes: client.scopes, unitIds: client.unitIds, indicatorIds: client.indicatorIds };
  // From here on the refusal names the client: its audit row says which client was refused and why.
  const refuse = (error: ApiError) => Object.assign(error, { grant });
  if (client.revokedAt !== null && client.revokedAt <= now) throw refuse(new ApiError('token_revoked', '令牌已被撤销', 'The token has been revoked', 'Authorization'));
  if (client.expiresAt <= now) throw refuse(new ApiError('token_expired', '令牌已过期', 'The token has expired', 'Authorization'));
  if (!addressAllowed(ip, client.allowedIps)) {
    throw refuse(new ApiError('address_not_allowed', `不允许从该地址调用（${ip ?? '地址未知'}）`, `Calls from this address are not allowed (${ip ?? 'address unknown'})`, null));
  }
  if (!client.scopes.includes(endpoint.scope)) {
    throw refuse(new ApiError('out_of_scope', `该令牌没有“${endpoint.scope}”权限`, `The token lacks the “${endpoint.scope}” scope`, null));
  }
  const limit = client.rateLimitPerMinute ?? env().API_RATE_LIMIT ?? DEFAULT_RATE_LIMIT;
  const counted = await countCall(client.id, windowStartOf(now));
  const rate = decideRate(counted.count, limit, counted.windowStart, now);
  const headers = { 'X-RateLimit-Limit': String(rate.limit), 'X-RateLimit-Remaining': String(rate.remaining), 'X-RateLimit-Reset': String(rate.resetSeconds) };
  if (!rate.allowed) {
    throw refuse(new ApiError('rate_limited', `调用过于频繁：每分钟最多 ${limit} 次，请 ${rate.resetSeconds} 秒后重试`, `Too many calls: at most ${limit} a minute; retry in ${rate.resetSeconds} s`, null, undefined, { ...headers, 'Retry-After': String(rate.resetSeconds) }));
  }
  return { grant, headers };
}
