// The bureau's view of one unit's month, item by item: each indicator's figures and each task report with its status,
// warnings, reasons, history and review buttons. Draws the form DTO and the histories it is given.
import type { ComponentProps } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { BreakdownNote, type BreakdownTemplates } from '@/components/reporting/breakdown-note';
import { ItemReviewForms } from '@/components/review/review-forms';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { describeMilestone, formatDateTime, formatMonth, formatNumber } from '@/lib/format';
import { toLocale } from '@/lib/i18n/locale';
import type { FormIndicatorDto, FormTaskDto } from '@/lib/queries/reporting/form';
import type { ValueEventDto } from '@/lib/queries/reporting/history';

export const STATUS_TONE: Record<string, BadgeTone> = {
  none: 'neutral',
  draft: 'neutral',
  submitted: 'info',
  returned: 'bad',
  approved: 'ok',
};

type ItemActions = ComponentProps<typeof ItemReviewForms>['actions'];

/** An item's history as a disclosure, oldest first. */
export function ReviewHistory({ events }: { events: ValueEventDto[] | undefined }) {
  const t = useTranslations('reporting.review');
  const tr = useTranslations('reporting');
  const locale = toLocale(useLocale());
  const action = (a: string) => (tr.has(`event.${a}`) ? tr(`event.${a}`) : a);
  return (
    <details className="mt-1 text-xs text-slate-600">
      <summary className="cursor-pointer">
        {t('history')}（{events?.length ?? 0}）
      </summary>
      {events?.length ? (
        <ol className="mt-1 space-y-0.5 pl-3">
          {events.map((e) => (
            <li key={e.id}>
              {t('historyRow', { at: formatDateTime(e.at, locale), actor: e.actor, action: action(e.action) })}
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
}

/** One indicator: its milestones, then a row per figure the unit reports, with the review buttons. */
export function ReviewIndicator({
  indicator,
  histories,
  actions,
  jumpThresholdPercent,
}: {
  indicator: FormIndicatorDto;
  histories: Map<number, ValueEventDto[]>;
  actions: ItemActions;
  jumpThresholdPercent: number;
}) {
  const t = useTranslations('reporting.review');
  const tr = useTranslations('reporting');
  const locale = toLocale(useLocale());
  const warning = (w: string) => (tr.has(`warning.${w}`) ? tr(`warning.${w}`, { percent: jumpThresholdPercent }) : w);
  const milestone = (m: FormIndicatorDto['milestones'][number]) =>
    `${m.year}：${describeMilestone(m.comparator, m.value, indicator.unit, indicator.decimals, locale)}`;
  return (
    <article
      className="mb-4 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
      data-indicator={indicator.code}
    >
      <header className="border-b border-slate-200 bg-slate-50 px-3 py-2">
        <h3 className="font-semibold text-slate-900">
          {locale === 'en' ? indicator.nameEn : indicator.name}
          <span className="ml-2 text-xs font-normal text-slate-500">（{indicator.unit}）</span>
        </h3>
        {indicator.milestones.length ? (
          <p className="text-xs text-slate-600">
            {t('milestones')}：{indicator.milestones.map(milestone).join('；')}
          </p>
        ) : null}
        {indicator.groups.length > 0 ? (
          <div className="mt-1 space-y-1" data-breakdown-checks>
            {indicator.groups.map((g) => (
              <BreakdownNote key={g.id} check={g.check} group={g.name} unit={indicator.unit} groupId={g.id} templates={tr.raw('breakdown') as BreakdownTemplates} />
            ))}
          </div>
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
                <td className="num px-3 py-2 text-right text-slate-600">
                  {item.previous ? formatNumber(item.previous.value, indicator.decimals, locale) : '—'}
                </td>
                <td className="num px-3 py-2 text-right font-medium">
                  {current ? current.text : <span className="text-slate-500">{t('noValue')}</span>}
                </td>
                <td className="px-3 py-2">
                  <Badge tone={STATUS_TONE[itemStatus]}>{tr(`status.${itemStatus}`)}</Badge>
                  {current?.warnings.map((w) => (
                    <p key={w} className="mt-1 text-xs text-amber-700">⚠ {warning(w)}</p>
                  ))}
                  {current?.comment ? (
                    <p className="mt-1 text-xs text-slate-700">{t('comment')}：{current.comment}</p>
                  ) : null}
                  {current?.returnReason ? (
                    <p className="mt-1 text-xs text-red-700">{t('returnReason')}：{current.returnReason}</p>
                  ) : null}
                  {current?.updatedBy && current.updatedAt ? (
                    <p className="mt-1 text-xs text-slate-500">
                      {t('updatedBy', { by: current.updatedBy, at: formatDateTime(current.updatedAt, locale) })}
                    </p>
                  ) : null}
                  {current ? <ReviewHistory events={histories.get(current.id)} /> : null}
                </td>
                <td className="no-print px-3 py-2">
                  {current ? (
                    <ItemReviewForms
                      kind="value"
                      id={current.id}
                      version={current.version}
                      status={current.status}
                      actions={actions}
                    />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}

/** One key task's report: status, progress and narrative, note, return reason, history and the review buttons. */
export function ReviewTask({
  task,
  histories,
  actions,
}: {
  task: FormTaskDto;
  histories: Map<number, ValueEventDto[]>;
  actions: ItemActions;
}) {
  const t = useTranslations('reporting.review');
  const tr = useTranslations('reporting');
  const current = task.current;
  const taskStatus = current?.status ?? 'none';
  return (
    <article
      className="grid gap-3 border-b border-slate-100 px-3 py-3 last:border-0 md:grid-cols-[1fr_22rem]"
      data-task={task.id}
    >
      <div className="text-sm">
        <h3 className="font-medium text-slate-900">
          {task.no}. {task.title} <Badge tone={STATUS_TONE[taskStatus]}>{tr(`status.${taskStatus}`)}</Badge>
        </h3>
        {task.previous?.narrative ? (
          <p className="mt-1 text-xs text-slate-500">{t('previous')}：{task.previous.narrative}</p>
        ) : null}
        {current ? (
          <>
            <p className="mt-1">
              {current.progress ? (
                <Badge tone={current.progress === 'behind' ? 'warn' : 'ok'}>{tr(`progress.${current.progress}`)}</Badge>
              ) : null}{' '}
              {current.narrative ?? ''}
            </p>
            {current.note ? <p className="mt-1 text-xs text-slate-700">{t('note')}：{current.note}</p> : null}
            {current.returnReason ? (
              <p className="mt-1 text-xs text-red-700">{t('returnReason')}：{current.returnReason}</p>
            ) : null}
            <ReviewHistory events={histories.get(current.id)} />
          </>
        ) : (
          <p className="mt-1 text-slate-500">{t('noValue')}</p>
        )}
      </div>
      <div className="no-print">
        {current ? (
          <ItemReviewForms
            kind="task"
            id={current.id}
            version={current.version}
            status={current.status}
            actions={actions}
          />
        ) : null}
      </div>
    </article>
  );
}
