import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { InboxList, NoticeList } from '@/components/inbox/inbox-list';
import { PageHeader } from '@/components/ui/page-header';
import { gatePage } from '@/lib/gate/page';
import type { Locale } from '@/lib/format';
import { getInbox } from '@/lib/queries/inbox';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('inbox'))('title') };
}

export default async function InboxPage() {
  const { actor, refused } = await gatePage('inbox.view', '/inbox');
  if (refused) return refused;
  const [t, locale] = await Promise.all([getTranslations('inbox'), getLocale() as Promise<Locale>]);
  const inbox = await getInbox(actor);
  return (
    <>
      <PageHeader title={`${t('title')}（${inbox.entries.length}）`} subtitle={t('subtitle')} />
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-label={t('title')} className="lg:col-span-2">
          <InboxList entries={inbox.entries} locale={locale} />
        </section>
        <section aria-labelledby="notices-title">
          <h2 id="notices-title" className="mb-2 text-base font-semibold text-brand-900">
            {t('notices')}
          </h2>
          <NoticeList notices={inbox.notices} locale={locale} />
        </section>
      </div>
    </>
  );
}
