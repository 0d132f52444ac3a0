import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { DueBadge } from '@/components/supervision/due-badge';
import { AnswerForm, DecideForms } from '@/components/supervision/item-actions';
import { StateBadge } from '@/components/supervision/state-badge';
import { SupervisionTimeline } from '@/components/supervision/timeline';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { answerSupervisionAction, closeSupervisionAction, extendSupervisionAction, returnSupervisionAction } from '@/lib/actions/supervision';
import { gatePage } from '@/lib/gate/page';
import { isDomainError } from '@/lib/errors';
import { formatDateTime, listSeparator, type Locale } from '@/lib/format';
import { getSupervisionItem } from '@/lib/queries/supervision';
import type { Actor } from '@/lib/actor';

async function load(actor: Actor, id: string) {
  if (!/^\d{1,9}$/.test(id)) notFound();
  try {
    return await getSupervisionItem(actor, Number(id));
  } catch (error) {
    // Not there, or not the viewer's to see: the same answer, so ids reveal nothing.
    if (isDomainError(error)) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: (await getTranslations('supervision'))('item.title', { id: (await params).id }) };
}

export default async function SupervisionItemPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, refused } = await gatePage('supervision.view', '/supervision/[id]');
  if (refused) return refused;
  const [t, locale, { id }] = await Promise.all([getTranslations('supervision'), getLocale() as Promise<Locale>, params]);
  const item = await load(actor, id);
  return (
    <>
      <PageHeader
        title={t('item.title', { id: item.id })}
        subtitle={t('item.raisedBy', { name: item.raisedBy, at: formatDateTime(item.raisedAt, locale) })}
        actions={
          <Link href="/supervision" className="text-sm">
            {t('item.back')}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-5 lg:col-span-2">
          <section aria-label={t('columns.text')} className="rounded border border-slate-200 p-4">
            <div className="mb-2 flex flex-wrap items-center gap-2">
              <StateBadge state={item.state} />
              <DueBadge due={item.due} daysLeft={item.daysLeft} />
            </div>
            <p className="whitespace-pre-wrap text-base text-slate-900">{item.text}</p>
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-500">{t('item.about')}</dt>
              <dd>
                {t(`targetKinds.${item.target.kind}` as 'targetKinds.task')}：{item.target.href ? <Link href={item.target.href}>{item.target.label}</Link> : item.target.label}
              </dd>
              <dt className="text-slate-500">{t('columns.units')}</dt>
              <dd>{item.units.map((u) => (locale === 'en' ? `${u.name} (${t(u.role)})` : `${u.name}（${t(u.role)}）`)).join(listSeparator(locale))}</dd>
              <dt className="text-slate-500">{t('item.dueDate')}</dt>
              <dd className="tabular-nums">
                {item.dueDate}
                {item.originalDueDate !== item.dueDate ? <span className="ml-2 text-xs text-slate-500">{t('item.originalDueDate')} {item.originalDueDate}</span> : null}
              </dd>
              {item.cadenceDays ? (
                <>
                  <dt className="text-slate-500">{t('form.cadence')}</dt>
                  <dd>
                    {t('item.cadence', { days: item.cadenceDays })}
                    {item.nextAnswerDue ? <span className="ml-2 text-xs text-slate-500">{t('item.nextAnswer', { date: item.nextAnswerDue })}</span> : null}
                  </dd>
                </>
              ) : null}
            </dl>
          </section>
          <section aria-labelledby="history-title">
            <h2 id="history-title" className="mb-3 text-base font-semibold text-brand-900">
              {t('item.history')}
            </h2>
            <SupervisionTimeline events={item.events} locale={locale} />
          </section>
        </div>
        <div className="no-print space-y-5">
          {item.viewer.canAnswer ? <AnswerForm action={answerSupervisionAction} itemId={item.id} version={item.version} /> : null}
          {item.viewer.canClose || item.viewer.canExtend ? (
            <DecideForms actions={{ close: closeSupervisionAction, return: returnSupervisionAction, extend: extendSupervisionAction }} itemId={item.id} version={item.version} canClose={item.viewer.canClose} canExtend={item.viewer.canExtend} />
          ) : null}
        </div>
      </div>
    </>
  );
}
