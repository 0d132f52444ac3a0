import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { reviewMonth, reviewSession, type SearchParams } from '@/app/(app)/review/_lib/support';
import { ActionForm, ItemReviewForms, ReminderForm } from '@/components/review/review-forms';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import {
  approveSubmissionAction,
  approveTaskReportsAction,
  approveValuesAction,
  extendDeadlineAction,
  reopenMonthAction,
  sendReminderAction,
  returnSubmissionAction,
  returnTaskReportAction,
  returnValueAction,
  unlockTaskReportAction,
  unlockValueAction,
} from '@/lib/actions/reporting-review';
import { NotFoundError } from '@/lib/errors';
import { describeMilestone, formatDateTime, formatMonth, formatNumber } from '@/lib/format';
import { getReportForm, getTaskReportHistory, getValueHistory, type ValueEventDto } from '@/lib/queries/reporting';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reporting.review'))('title') };
}

const STATUS_TONE: Record<string, BadgeTone> = { none: 'neutral', draft: 'neutral', submitted: 'info', returned: 'bad', approved: 'ok' };
const valueActions = { approve: approveValuesAction, return: returnValueAction, unlock: unlockValueAction };
const taskActions = { approve: approveTaskReportsAction, return: returnTaskReportAction, unlock: unlockTaskReportAction };

export default async function ReviewUnitPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: SearchParams }) {
  const { actor, t, locale, forbidden } = await reviewSession('figure.review', `/review/${(await params).unitId}`);
  if (forbidden) return forbidden;
  const tr = await getTranslations('reporting');
  const [{ unitId: rawId }, query] = await Promise.all([params, searchParams]);
  const unitId = Number(rawId);
  if (!Number.isSafeInteger(unitId) || unitId < 1) notFound();
  const { month } = reviewMonth(query.month);
  let form;
  try {
    form = await getReportForm(actor, { month, unitId });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const valueIds = form.indicators.flatMap((i) => i.items.flatMap((item) => (item.current ? [item.current.id] : [])));
  const taskIds = form.tasks.flatMap((task) => (task.current ? [task.current.id] : []));
  const [valueHistories, taskHistories] = await Promise.all([
    Promise.all(valueIds.map(async (id) => [id, (await getValueHistory(actor, id)).events] as const)),
    Promise.all(taskIds.map(async (id) => [id, (await getTaskReportHistory(actor, id)).events] as const)),
  ]);
  const histories = { value: new Map(valueHistories), task: new Map(taskHistories) };
  const warning = (w: string) => (tr.has(`warning.${w}`) ? tr(`warning.${w}`, { percent: form.jumpThresholdPercent }) : w);

  const history = (events: ValueEventDto[] | undefined) => (
    <details className="mt-1 text-xs text-slate-600">
      <summary className="cursor-pointer">{t('history')}（{events?.length ?? 0}）</summary>
      {events?.length ? (
        <ol className="mt-1 space-y-0.5 pl-3">
          {events.map((e) => (
            <li key={e.id}>
              {t('historyRow', { at: formatDateTime(e.at, locale), actor: e.actor, action: tr.has(`event.${e.action}`) ? tr(`event.${e.action}`) : e.action })}
              {e.newValue !== null ? ` ${e.oldValue ?? '—'} → ${e.newValue}` : ''}
              {e.reason ? `（${t('reason')}：${e.reason}）` : ''}
              {e.comment ? `（${t('comment')}：${e.comment}）` : ''}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('historyEmpty')}</p>
      )}
    </details>
  );

  const status = form.submission?.status ?? 'none';
  return (
    <>
      <PageHeader
        title={t('unitTitle', { unit: form.unit.name, month: formatMonth(month, locale) })}
        subtitle={
          <>
            {tr(`window.${form.window.state}`)} · {t('due', { date: form.window.dueDate })} ·{' '}
            {form.submission?.submittedAt
              ? form.submission.submittedBy
                ? t('submittedAt', { by: form.submission.submittedBy, at: formatDateTime(form.submission.submittedAt, locale) })
                : t('submittedOn', { at: formatDateTime(form.submission.submittedAt, locale) })
              : t('notSubmitted')}
            {form.submission ? ` · ${tr(`timeliness.${form.submission.timeliness}`)}` : ''}
          </>
        }
        actions={<Link href={`/review?month=${month}`}>{t('back')}</Link>}
      />
      {form.window.extendedUntil ? <p className="mb-2 text-sm text-slate-700">{t('extendedInfo', { date: form.window.extendedUntil, reason: form.window.extensionReason ?? '' })}</p> : null}
      {form.window.reopened ? <p className="mb-2 text-sm text-slate-700">{t('reopenedInfo', { reason: form.window.reopenReason ?? '' })}</p> : null}

      <div className="no-print mb-6 grid gap-4 md:grid-cols-2">
        <section aria-labelledby="whole-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="whole-title" className="mb-2 text-base font-semibold text-brand-900">
            {t('wholeTitle')} <Badge tone={STATUS_TONE[status]}>{tr(`status.${status}`)}</Badge>
          </h2>
          {form.submission ? (
            <div className="space-y-3">
              <ActionForm action={approveSubmissionAction} hidden={{ submissionId: form.submission.id, version: form.submission.version }} submit={t('approveAll')} done={t('approvedAll')} compact />
              <ActionForm
                action={returnSubmissionAction}
                hidden={{ submissionId: form.submission.id, version: form.submission.version }}
                fields={[{ name: 'reason', label: t('reason') }]}
                submit={t('returnAll')}
                done={t('returnedAll')}
                tone="danger"
                compact
              />
            </div>
          ) : (
            <p className="text-sm text-slate-500">{t('notSubmitted')}</p>
          )}
        </section>
        <section aria-labelledby="deadline-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="deadline-title" className="mb-2 text-base font-semibold text-brand-900">{t('deadlineTitle')}</h2>
          <div className="space-y-3">
            <ActionForm
              action={extendDeadlineAction}
              hidden={{ unitId, month }}
              fields={[
                { name: 'until', label: t('until'), type: 'date' },
                { name: 'reason', label: t('reason') },
              ]}
              submit={t('extend')}
              done={t('extended2')}
              tone="secondary"
              compact
            />
            <ActionForm action={reopenMonthAction} hidden={{ unitId, month }} fields={[{ name: 'reason', label: t('reason') }]} submit={t('reopen')} done={t('reopenedDone')} tone="secondary" compact />
            {!form.submission?.firstSubmittedAt || status === 'returned' ? (
              <ReminderForm action={sendReminderAction} month={month} unitIds={[unitId]} label={t('remind')} unitNames={{ [unitId]: form.unit.name }} />
            ) : null}
          </div>
        </section>
      </div>

      <section aria-labelledby="indicators-title" className="mb-6">
        <h2 id="indicators-title" className="mb-2 text-lg font-semibold text-brand-900">{t('indicatorsTitle')}</h2>
        {form.indicators.map((indicator) => (
          <article key={indicator.code} className="mb-4 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm" data-indicator={indicator.code}>
            <header className="border-b border-slate-200 bg-slate-50 px-3 py-2">
              <h3 className="font-semibold text-slate-900">
                {locale === 'en' ? indicator.nameEn : indicator.name}
                <span className="ml-2 text-xs font-normal text-slate-500">（{indicator.unit}）</span>
              </h3>
              {indicator.milestones.length ? (
                <p className="text-xs text-slate-600">
                  {t('milestones')}：{indicator.milestones.map((m) => `${m.year}：${describeMilestone(m.comparator, m.value, indicator.unit, indicator.decimals, locale)}`).join('；')}
                </p>
              ) : null}
            </header>
            <table className="w-full text-sm">
              <thead className="text-left text-xs text-slate-500">
                <tr className="border-b border-slate-200">
                  <th scope="col" className="px-3 py-1.5 font-medium">{t('col.unit')}</th>
                  <th scope="col" className="px-3 py-1.5 text-right font-medium">{t('previous')}</th>
                  <th scope="col" className="px-3 py-1.5 text-right font-medium">{t('current')}</th>
                  <th scope="col" className="px-3 py-1.5 font-medium">{t('col.status')}</th>
                  <th scope="col" className="no-print w-[22rem] px-3 py-1.5 font-medium">{t('col.open')}</th>
                </tr>
              </thead>
              <tbody>
                {indicator.items.map((item) => {
                  const current = item.current;
                  const itemStatus = current?.status ?? 'none';
                  return (
                    <tr key={item.key} className="border-b border-slate-100 align-top last:border-0" data-item={item.key}>
                      <th scope="row" className="px-3 py-2 text-left font-normal">
                        {item.subject.name}
                        <span className="block text-xs text-slate-500">
                          {formatMonth(item.period, locale)} · {tr(`stage.${item.stage}`)}
                        </span>
                      </th>
                      <td className="num px-3 py-2 text-right text-slate-600">{item.previous ? formatNumber(item.previous.value, indicator.decimals, locale) : '—'}</td>
                      <td className="num px-3 py-2 text-right font-medium">{current ? current.text : <span className="text-slate-500">{t('noValue')}</span>}</td>
                      <td className="px-3 py-2">
                        <Badge tone={STATUS_TONE[itemStatus]}>{tr(`status.${itemStatus}`)}</Badge>
                        {current?.warnings.map((w) => (
                          <p key={w} className="mt-1 text-xs text-amber-700">⚠ {warning(w)}</p>
                        ))}
                        {current?.comment ? <p className="mt-1 text-xs text-slate-700">{t('comment')}：{current.comment}</p> : null}
                        {current?.returnReason ? <p className="mt-1 text-xs text-red-700">{t('returnReason')}：{current.returnReason}</p> : null}
                        {current?.updatedBy && current.updatedAt ? <p className="mt-1 text-xs text-slate-500">{t('updatedBy', { by: current.updatedBy, at: formatDateTime(current.updatedAt, locale) })}</p> : null}
                        {current ? history(histories.value.get(current.id)) : null}
                      </td>
                      <td className="no-print px-3 py-2">
                        {current ? <ItemReviewForms kind="value" id={current.id} version={current.version} status={current.status} actions={valueActions} /> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </article>
        ))}
      </section>

      {form.tasks.length ? (
        <section aria-labelledby="tasks-title" className="mb-6">
          <h2 id="tasks-title" className="mb-2 text-lg font-semibold text-brand-900">{t('tasksTitle')}</h2>
          <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
            {form.tasks.map((task) => {
              const current = task.current;
              const taskStatus = current?.status ?? 'none';
              return (
                <article key={task.id} className="grid gap-3 border-b border-slate-100 px-3 py-3 last:border-0 md:grid-cols-[1fr_22rem]" data-task={task.id}>
                  <div className="text-sm">
                    <h3 className="font-medium text-slate-900">
                      {task.no}. {task.title} <Badge tone={STATUS_TONE[taskStatus]}>{tr(`status.${taskStatus}`)}</Badge>
                    </h3>
                    {task.previous?.narrative ? <p className="mt-1 text-xs text-slate-500">{t('previous')}：{task.previous.narrative}</p> : null}
                    {current ? (
                      <>
                        <p className="mt-1">
                          {current.progress ? <Badge tone={current.progress === 'behind' ? 'warn' : 'ok'}>{tr(`progress.${current.progress}`)}</Badge> : null} {current.narrative ?? ''}
                        </p>
                        {current.note ? <p className="mt-1 text-xs text-slate-700">{t('note')}：{current.note}</p> : null}
                        {current.returnReason ? <p className="mt-1 text-xs text-red-700">{t('returnReason')}：{current.returnReason}</p> : null}
                        {history(histories.task.get(current.id))}
                      </>
                    ) : (
                      <p className="mt-1 text-slate-500">{t('noValue')}</p>
                    )}
                  </div>
                  <div className="no-print">{current ? <ItemReviewForms kind="task" id={current.id} version={current.version} status={current.status} actions={taskActions} /> : null}</div>
                </article>
              );
            })}
          </div>
        </section>
      ) : null}
    </>
  );
}
