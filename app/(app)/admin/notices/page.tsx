import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { gatePage } from '@/lib/gate/page';
import { formatDateTime, type Locale } from '@/lib/format';
import { defaultRetryPolicy } from '@/lib/notices/retry';
import { listNoticeDeliveries } from '@/lib/queries/notices/deliveries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('inbox'))('deliveries.title') };
}

/** Outbound notices (webhook) and their failures, for the system admin. */
export default async function NoticeDeliveriesPage() {
  const { actor, refused } = await gatePage('notice.viewDeliveries', '/admin/notices');
  if (refused) return refused;
  const [t, locale] = await Promise.all([getTranslations('inbox.deliveries'), getLocale() as Promise<Locale>]);
  const { failed, pending, rows } = await listNoticeDeliveries(actor);
  const at = (d: Date | null) => (d ? formatDateTime(d, locale) : '—');
  const when = (r: (typeof rows)[number]) =>
    r.status === 'pending' ? t('nextAttempt', { at: at(r.nextAttemptAt) }) : r.status === 'delivered' ? t('deliveredAt', { at: at(r.deliveredAt) }) : t('gaveUpAt', { at: at(r.lastAttemptAt) });
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('summary', { failed, pending })} />
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">{t('empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left text-xs text-slate-600">
                <th className="py-2 pr-3">{t('notice')}</th>
                <th className="py-2 pr-3">{t('channel')}</th>
                <th className="py-2 pr-3">{t('status')}</th>
                <th className="py-2 pr-3">{t('attempts')}</th>
                <th className="py-2">{t('lastError')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-delivery={r.status} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-3">
                    {r.notice.title}
                    <span className="block text-xs text-slate-500">{formatDateTime(r.notice.createdAt, locale)}</span>
                  </td>
                  <td className="py-2 pr-3">{r.channel}</td>
                  <td className="py-2 pr-3">
                    <Badge tone={r.status === 'failed' ? 'bad' : r.status === 'delivered' ? 'ok' : 'warn'}>{t(`states.${r.status}` as 'states.failed')}</Badge>
                    <span className="block text-xs text-slate-500">{when(r)}</span>
                  </td>
                  <td className="py-2 pr-3 tabular-nums">{t('attemptsOf', { attempts: r.attempts, max: defaultRetryPolicy.maxAttempts })}</td>
                  <td className="py-2 text-xs text-red-800">{r.lastError}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
