// The answer to a request the proxy refused before Next.js decoded it (lib/http/action-request.ts): a 4xx with a
// message in the user's language, and an `authz.denied` audit row like every other refusal. Reachable only through
// the proxy's rewrite, which carries a per-process token; called directly it is a 404.
import { cookies } from 'next/headers';
import type { NextRequest } from 'next/server';
import type { Actor } from '@/lib/actor';
import { getCurrentSession } from '@/lib/auth/current-actor';
import { clientInfoFrom } from '@/lib/auth/client-info';
import { refusalToken, REFUSAL_HEADERS } from '@/lib/http/refusal-token';
import { LOCALE_COOKIE, toLocale } from '@/lib/i18n/locale';
import { recordRefusal } from '@/lib/mutations/refusals';

const messages: Record<string, { zh: string; en: string }> = {
  'foreign origin': { zh: '请求来自其他网站，已拒绝', en: 'The request came from another site and was refused' },
  'no content length': { zh: '请求缺少长度信息，已拒绝', en: 'The request did not state its length and was refused' },
  'body too large': { zh: '提交的内容超过 3 MB，已拒绝', en: 'The submission is larger than 3 MB and was refused' },
  'not form data': { zh: '请求格式不正确（须为表单数据），已拒绝', en: 'The request is not form data and was refused' },
};

async function refused(request: NextRequest): Promise<Response> {
  const reason = request.headers.get(REFUSAL_HEADERS.reason) ?? '';
  const status = Number(request.headers.get(REFUSAL_HEADERS.status));
  if (request.headers.get(REFUSAL_HEADERS.token) !== refusalToken() || !messages[reason] || !(status >= 400 && status < 500)) {
    return Response.json({ error: 'Not found' }, { status: 404 });
  }
  const client = clientInfoFrom(request.headers);
  const actor: Actor = (await getCurrentSession())?.actor ?? { userId: null, username: 'anonymous:request', roles: [], unitId: null, sessionId: null, ip: client.ip };
  const path = request.headers.get(REFUSAL_HEADERS.path) ?? '';
  await recordRefusal(actor, { action: `serverAction ${path}`.slice(0, 200), reason });
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const text = messages[reason];
  return Response.json({ error: locale === 'en' ? text.en : text.zh }, { status, headers: { 'Cache-Control': 'no-store', ...(status === 413 ? { Connection: 'close' } : {}) } });
}

export { refused as GET, refused as POST, refused as PUT, refused as PATCH, refused as DELETE };
