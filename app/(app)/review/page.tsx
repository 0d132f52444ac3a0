import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { previousMonth, reviewMonth, reviewSession, ReviewNav, type SearchParams } from '@/app/(app)/review/_lib/support';
import { ReminderForm } from '@/components/review/review-forms';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { sendReminderAction } from '@/lib/actions/reporting-review';
import { formatDateTime, formatMonth } from '@/lib/format';
import { getCurrentPlan } from '@/lib/queries/plan';
import { getReviewQueue, listOverdue, type QueueRowDto } from '@/lib/queries/reporting/queue';
import { queueStates, remindable } from '@/lib/reporting/queue-state';
import { listReminders } from '@/lib/queries/reporting/reminders';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reporting.review'))('title') };
}

const TIMELINESS_TONE: Record<string, BadgeTone> = { on_time: 'ok', late: 'warn', pending: 'neutral', missing: 'bad' };

export default async function ReviewQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const { actor, t, locale, forbidden } = await reviewSession('figure.review', '/review');
  if (forbidden) return forbidden;
  const tr = await getTranslations('reporting');
  const params = await searchParams;
  const { month, latest } = reviewMonth(params.month);
  const plan = await getCurrentPlan(actor);
  const [queue, overdue, reminders] = await Promise.all([
    getReviewQueue(actor, { planId: plan.id, month }),
    listOverdue(actor, { planId: plan.id, months: 3 }),
    listReminders(actor, { planId: plan.id, month }),
  ]);
  const overdueUnits = [...new Set(overdue.filter((o) => o.month === month).map((o) => o.unit.id))];
  const names = { ...Object.fromEntries(queue.rows.map((r) => [r.unit.id, r.unit.name])), ...Object.fromEntries(overdue.map((o) => [o.unit.id, o.unit.name])) };
  const lateUnits = queue.rows.filter((r) => r.expected && r.state === 'missing').map((r) => r.unit.id);

  const row = (r: QueueRowDto) => (
    <tr key={r.unit.id} data-queue-unit={r.unit.name} className="border-b border-slate-100 last:border-0">
      <th scope="row" className="px-3 py-2 text-left font-normal">
        <Link href={`/review/${r.unit.id}?month=${month}`}>{r.unit.name}</Link>
      </th>
      <td className="px-3 py-2">
        {r.submission ? tr(`status.${r.submission.status}`) : tr('status.none')}
        {r.submission?.withdrawnAt ? <span className="ml-1 block text-xs text-amber-800" data-withdrawn>{t('withdrawnAt', { at: formatDateTime(r.submission.withdrawnAt, locale) })}</span> : null}
      </td>
      <td className="px-3 py-2 whitespace-nowrap">
        {r.submission?.submittedAt ? formatDateTime(r.submission.submittedAt, locale) : '—'}
        {r.submission?.firstSubmittedAt && r.submission.submittedAt && r.submission.firstSubmittedAt.getTime() !== r.submission.submittedAt.getTime() ? (
          <span className="block text-xs text-slate-600">{t('firstSubmitted', { at: formatDateTime(r.submission.firstSubmittedAt, locale) })}</span>
        ) : null}
      </td>
      <td className="px-3 py-2">
        <Badge tone={TIMELINESS_TONE[r.timeliness]}>{tr(`timeliness.${r.timeliness}`)}</Badge> {r.extended ? <Badge tone="info">{t('extended')}</Badge> : null}{' '}
        {r.reopened ? <Badge tone="info">{t('reopened')}</Badge> : null}
      </td>
      <td className="px-3 py-2 text-xs text-slate-600">
        {r.items.total ? t('items', r.items) : '—'}
        {r.items.withWarnings ? <span className="ml-1 text-amber-700">{t('warnings', { count: r.items.withWarnings })}</span> : null}
      </td>
      <td className="px-3 py-2 whitespace-nowrap">{r.dueDate}</td>
      <td className="px-3 py-2 text-xs">
        {r.reminders.count ? <span className="mr-2">{t('remindedTimes', { count: r.reminders.count })}</span> : null}
        {remindable.has(r.state) ? <ReminderForm action={sendReminderAction} month={month} unitIds={[r.unit.id]} label={t('remind')} unitNames={names} /> : null}
      </td>
    </tr>
  );

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle', { month: formatMonth(month, locale), due: queue.dueDate })} />
      <ReviewNav active="queue" t={t} />
      <form method="get" className="no-print mb-4 flex items-center gap-2 text-sm">
        <label htmlFor="review-month">{t('month')}</label>
        <input id="review-month" type="month" name="month" defaultValue={month} max={latest} className="rounded border border-slate-300 px-2 py-1" />
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50">{t('show')}</button>
        <Link href={`/review?month=${previousMonth(month)}`}>‹ {formatMonth(previousMonth(month), locale)}</Link>
      </form>
      <p className="mb-1 text-sm text-slate-600" data-queue-counts>{t('counts', queue.counts)}</p>
      <p className="mb-4 text-xs text-slate-600">
        {t('allUnitsNote')} {queue.counts.extra ? t('extra', { extra: queue.counts.extra }) : null}
      </p>
      {lateUnits.length ? (
        <div className="no-print mb-4" data-remind-all-late>
          <ReminderForm action={sendReminderAction} month={month} unitIds={lateUnits} label={t('remindAllLate', { count: lateUnits.length })} unitNames={names} />
        </div>
      ) : null}

      {queueStates.map((bucket) => {
        const rows = queue.rows.filter((r) => r.state === bucket);
        return (
          <section key={bucket} aria-labelledby={`bucket-${bucket}`} data-bucket={bucket} className="mb-6 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <h2 id={`bucket-${bucket}`} className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-base font-semibold text-brand-900">
              {t(`bucket.${bucket}`)}（{rows.length}）
            </h2>
            {rows.length ? (
              <table className="w-full min-w-[860px] text-sm">
                <thead className="text-left text-xs text-slate-500">
                  <tr className="border-b border-slate-200">
                    {(['unit', 'status', 'submittedAt', 'timeliness', 'items', 'due', 'reminders'] as const).map((c) => (
                      <th key={c} scope="col" className="px-3 py-2 font-medium">{t(`col.${c}`)}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>{rows.map(row)}</tbody>
              </table>
            ) : (
              <p className="px-3 py-3 text-sm text-slate-500">{t('emptyBucket')}</p>
            )}
          </section>
        );
      })}

      <section aria-labelledby="overdue-title" className="mb-6 rounded-lg border border-amber-200 bg-white p-4 shadow-sm">
        <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
          <h2 id="overdue-title" className="text-lg font-semibold text-brand-900">{t('overdueTitle')}（{overdue.length}）</h2>
          {overdueUnits.length ? <ReminderForm action={sendReminderAction} month={month} unitIds={overdueUnits} label={t('remindAll')} unitNames={names} /> : null}
        </div>
        {overdue.length ? (
          <ul className="divide-y divide-slate-100 text-sm">
            {overdue.map((o) => (
              <li key={`${o.unit.id}-${o.month}`} className="flex flex-wrap items-start justify-between gap-3 py-2" data-testid={`overdue-${o.unit.id}-${o.month}`}>
                <div>
                  <Link href={`/review/${o.unit.id}?month=${o.month}`} className="font-medium">{o.unit.name}</Link>
                  <span className="ml-2 text-slate-600">{formatMonth(o.month, locale)} · {t('due', { date: o.dueDate })} · {t('daysOverdue', { days: o.daysOverdue })}</span>
                  {o.reminders.count ? <span className="ml-2 text-xs text-slate-500">{t('remindedTimes', { count: o.reminders.count })}</span> : null}
                </div>
                <ReminderForm action={sendReminderAction} month={o.month} unitIds={[o.unit.id]} label={t('remind')} unitNames={names} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">{t('overdueEmpty')}</p>
        )}
      </section>

      <section aria-labelledby="reminders-title" className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="reminders-title" className="mb-3 text-lg font-semibold text-brand-900">{t('remindersTitle')}（{reminders.length}）</h2>
        {reminders.length ? (
          <ul className="divide-y divide-slate-100 text-sm">
            {reminders.slice(0, 50).map((r) => (
              <li key={r.id} className="py-2">
                <span className="font-medium">{r.unitName}</span> · {formatMonth(r.month, locale)} · {t('sentBy', { name: r.sentBy, at: formatDateTime(r.sentAt, locale) })}
                {r.message ? <span className="ml-1 text-slate-600">「{r.message}」</span> : null}
                <span className="ml-2 text-xs text-slate-500">{r.seenBy.length ? t('seenBy', { names: r.seenBy.map((s) => `${s.name}（${formatDateTime(s.at, locale)}）`).join('、') }) : t('unseen')}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">{t('remindersEmpty')}</p>
        )}
      </section>
    </>
  );
}
