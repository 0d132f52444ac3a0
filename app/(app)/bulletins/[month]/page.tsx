import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { BulletinDocument } from '@/components/bulletin/bulletin-document';
import { BulletinEditor } from '@/components/bulletin/bulletin-forms';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { editBulletinTextAction, publishBulletinAction } from '@/lib/actions/bulletin';
import { gatePage } from '@/lib/gate/page';
import { systemClock } from '@/lib/clock';
import { isDomainError } from '@/lib/errors';
import { formatMonth, type Locale } from '@/lib/format';
import { isMonth } from '@/lib/periods';
import { can } from '@/lib/permissions';
import { getBulletin } from '@/lib/queries/bulletin/read';

export async function generateMetadata({ params }: { params: Promise<{ month: string }> }): Promise<Metadata> {
  const { month } = await params;
  return { title: `${(await getTranslations('bulletin'))('title')} ${month}` };
}

export default async function BulletinPage({ params }: { params: Promise<{ month: string }> }) {
  const session = await gatePage('bulletin.viewPublished', '/bulletins/[month]');
  if (session.refused) return session.refused;
  const [t, locale, { month }] = await Promise.all([getTranslations('bulletin'), getLocale() as Promise<Locale>, params]);
  if (!isMonth(month)) notFound();
  const bulletin = await getBulletin(session.actor, month, systemClock()).catch((error: unknown) => {
    if (isDomainError(error)) notFound();
    throw error;
  });
  const draft = bulletin.status === 'draft';
  return (
    <>
      {/* Printed, the page is the 通报 alone: no page title above its own masthead. */}
      <div className="no-print">
      <PageHeader
        title={`${t('title')} · ${formatMonth(month, locale)}`}
        subtitle={draft ? t('draft') : t('publishedAt', { name: bulletin.publishedByName ?? '', at: bulletin.publishedAt?.toISOString().slice(0, 16).replace('T', ' ') ?? '' })}
        actions={
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <a className="text-brand-700 underline" href={`/api/bulletins?month=${month}&format=docx`}>
              {t('downloadDocx')}
            </a>
            <a className="text-brand-700 underline" href={`/api/bulletins?month=${month}&format=xlsx`}>
              {t('downloadXlsx')}
            </a>
            <Link href="/bulletins">{t('back')}</Link>
          </div>
        }
      />
      </div>
      {draft && can(session.actor, 'bulletin.draft') ? (
        <BulletinEditor month={month} foreword={bulletin.foreword} remarks={bulletin.remarks} version={bulletin.version} editAction={editBulletinTextAction} publishAction={publishBulletinAction} />
      ) : null}
      <BulletinDocument content={bulletin.content} foreword={bulletin.foreword} remarks={bulletin.remarks} draftLabel={draft ? t('draftBanner') : undefined} />
    </>
  );
}
