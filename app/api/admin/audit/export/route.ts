// The audit log as CSV, for the audit admin only. Under /api so that the sign-in redirect of proxy.ts does not
// apply: a missing session answers 401 and a wrong role 403, as JSON. The export itself is audited (exportAuditLog).
import { cookies } from 'next/headers';
import type { NextRequest } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { fileResponse } from '@/app/api/_lib/respond';
import { handleDownload, refuse } from '@/lib/gate/route';
import { systemClock } from '@/lib/clock';
import { toCsv } from '@/lib/csv';
import { LOCALE_COOKIE, toLocale } from '@/lib/i18n/locale';
import { exportAuditLog } from '@/lib/mutations/audit-log';
import { auditExportSchema } from '@/lib/schemas/admin';
import { formatTimestamp } from '@/lib/timestamp';

export const dynamic = 'force-dynamic';

const crossSite = { 'zh-CN': '不接受来自其他网站的导出请求', en: 'Exports requested from another site are refused' } as const;

export async function GET(request: NextRequest): Promise<Response> {
  // A GET that writes an audit row: another site must not be able to set it off with the admin's cookies (a link or
  // an <img>). Browsers say where a request comes from; typed addresses and bookmarks are "none".
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') {
    return refuse(403, { error: crossSite[toLocale((await cookies()).get(LOCALE_COOKIE)?.value)] });
  }
  return handleDownload(request, { schema: auditExportSchema, permission: 'audit.export', name: 'exportAuditLog' }, async (actor, input, locale) => {
    const rows = await exportAuditLog(actor, input);
    const t = await getTranslations({ locale, namespace: 'admin.audit' });
    const header = [t('csv.id'), t('at'), t('actorColumn'), t('roleColumn'), t('csv.session'), t('ip'), t('eventColumn'), t('csv.eventName'), t('csv.targetType'), t('csv.targetId'), t('resultColumn'), t('reason'), t('csv.before'), t('csv.after')];
    const eventName = (event: string) => (t.has(`events.${event}`) ? t(`events.${event}`) : '');
    const body = toCsv(
      header,
      rows.map((r) => [r.id, formatTimestamp(r.at), r.actorName, r.actorRole, r.sessionId, r.ip, r.event, eventName(r.event), r.targetType, r.targetId, r.result, r.reason, r.before, r.after]),
    );
    const stamp = formatTimestamp(systemClock()).replace(/[-:]/g, '').replace(' ', '-').slice(0, 13);
    return fileResponse(body, `audit-log-${stamp}.csv`, 'text/csv; charset=utf-8');
  });
}
