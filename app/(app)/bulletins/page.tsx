import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { GenerateBulletinForm } from '@/components/bulletin/bulletin-forms';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { createBulletinDraftAction } from '@/lib/actions/bulletin';
import { gatePage } from '@/lib/gate/page';
import { systemClock } from '@/lib/clock';
import { formatMonth, type Locale } from '@/lib/format';
import { addMonths, lastClosedMonth } from '@/lib/periods';
import { can } from '@/lib/permissions';
import { listBulletins } from '@/lib/queries/bulletin/read';
import { isMonthClosed } from '@/lib/queries/rankings/facts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('bulletin'))('title') };
}

export default async function BulletinsPage() {
  const session = await gatePage('bulletin.viewPublished', '/bulletins');
  if (session.refused) return session.refused;
  const [t, locale] = await Promise.all([getTranslations('bulletin'), getLocale() as Promise<Locale>]);
  const bulletins = await listBulletins(session.actor);
  const now = systemClock();
  const last = lastClosedMonth(now);
  const defaultMonth = (await isMonthClosed(last, now)) ? last : addMonths(last, -1);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {can(session.actor, 'bulletin.draft') ? <GenerateBulletinForm action={createBulletinDraftAction} defaultMonth={defaultMonth} /> : null}
      {bulletins.length === 0 ? (
        <p className="text-slate-600">{t('empty')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">{t('month')}</th>
                <th scope="col" className="px-3 py-2">{t('issue')}</th>
                <th scope="col" className="px-3 py-2">{t('status')}</th>
              </tr>
            </thead>
            <tbody>
              {bulletins.map((b) => (
                <tr key={b.month} className="border-t border-slate-100">
                  <td className="px-3 py-2">
                    <Link href={`/bulletins/${b.month}`}>{formatMonth(b.month, locale)}</Link>
                  </td>
                  <td className="px-3 py-2">{b.issue ?? '—'}</td>
                  <td className="px-3 py-2">{b.status === 'published' ? t('published') : <span className="text-amber-700">{t('draft')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
