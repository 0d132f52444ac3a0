// The audit log as CSV, for the audit admin only. Under /api so that the sign-in redirect of proxy.ts does not
// apply: a missing session answers 401 and a wrong role 403, as JSON. The export itself is audited (exportAuditLog).
import { cookies } from 'next/headers';
import { NextResponse, type NextRequest } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { domainErrorMessage, logUnexpected } from '@/lib/actions/action-state';
import { getCurrentSession } from '@/lib/auth/current-actor';
import { systemClock } from '@/lib/clock';
import { toCsv } from '@/lib/csv';
import { ForbiddenError } from '@/lib/errors';
import { LOCALE_COOKIE, toLocale } from '@/lib/i18n/locale';
import { exportAuditLog } from '@/lib/mutations/audit-log';
import { can } from '@/lib/permissions';
import { auditExportSchema } from '@/lib/schemas/admin';
import { formatTimestamp } from '@/lib/timestamp';
import { parseInput } from '@/lib/validation/parse';

export const dynamic = 'force-dynamic';

const messages = {
  'zh-CN': { crossSite: '不接受来自其他网站的导出请求', signIn: '未登录或登录已过期', pending: '请先修改密码并启用动态验证码', invalid: '导出条件有误', unexpected: '系统出错，请稍后重试。错误编号：' },
  en: { crossSite: 'Exports requested from another site are refused', signIn: 'Not signed in, or the session has expired', pending: 'Change your password and enrol the second factor first', invalid: 'The export filter is not valid', unexpected: 'Something went wrong. Error id: ' },
} as const;

function refuse(status: number, body: Record<string, unknown>): NextResponse {
  return NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** Repeated parameters become arrays, so that the strict schema refuses them rather than silently taking one. */
function queryObject(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

export async function GET(request: NextRequest): Promise<Response> {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const text = messages[locale];
  // A GET that writes an audit row: another site must not be able to set it off with the admin's cookies (a link or
  // an <img>). Browsers say where a request comes from; typed addresses and bookmarks are "none".
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return refuse(403, { error: text.crossSite });
  const session = await getCurrentSession();
  if (!session) return refuse(401, { error: text.signIn });
  // An admin who has not yet enrolled the second factor (or must change the password) only gets the pages that settle it.
  if (session.mustChangePassword || session.needsSecondFactor) return refuse(403, { error: text.pending });
  if (!can(session.actor, 'audit.export')) return refuse(403, { error: domainErrorMessage(new ForbiddenError(), locale) });

  const parsed = parseInput(auditExportSchema, queryObject(request.nextUrl.searchParams), locale);
  if (!parsed.success) return refuse(400, { error: parsed.formErrors[0] ?? text.invalid, fieldErrors: parsed.fieldErrors });

  let rows;
  try {
    rows = await exportAuditLog(session.actor, parsed.data);
  } catch (error) {
    const known = domainErrorMessage(error, locale);
    if (known) return refuse(error instanceof ForbiddenError ? 403 : 400, { error: known });
    return refuse(500, { error: text.unexpected + logUnexpected(error, 'exportAuditLog') });
  }

  const t = await getTranslations({ locale, namespace: 'admin.audit' });
  const header = [t('csv.id'), t('at'), t('actorColumn'), t('roleColumn'), t('csv.session'), t('ip'), t('eventColumn'), t('csv.eventName'), t('csv.targetType'), t('csv.targetId'), t('resultColumn'), t('reason'), t('csv.before'), t('csv.after')];
  const eventName = (event: string) => (t.has(`events.${event}`) ? t(`events.${event}`) : '');
  const body = toCsv(
    header,
    rows.map((r) => [r.id, formatTimestamp(r.at), r.actorName, r.actorRole, r.sessionId, r.ip, r.event, eventName(r.event), r.targetType, r.targetId, r.result, r.reason, r.before, r.after]),
  );
  const stamp = formatTimestamp(systemClock()).replace(/[-:]/g, '').replace(' ', '-').slice(0, 13);
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-log-${stamp}.csv"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
