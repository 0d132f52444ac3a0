import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { IndicatorCardGrid } from '@/components/dashboard/indicator-card';
import { StatusBadge } from '@/components/dashboard/status-badge';
import { TaskHistory } from '@/components/dashboard/task-history';
import { PartyList } from '@/components/plan/party-list';
import { PageHeader } from '@/components/ui/page-header';
import { gatePage, pageAllows } from '@/lib/gate/page';
import { formatMonth, sectionOrdinal, type Locale } from '@/lib/format';
import { localTitle, partyLabel, type TaskDto } from '@/lib/queries/plan';
import { latestMonth, monthFrom, planSnapshot, type SearchParams } from '../../_dashboard/load';
import { MonthNav, MonthNotice } from '../../_dashboard/month-nav';
import { taskFile } from '../../_dashboard/task-file';
import { withMonth } from '../../_dashboard/views';
import { OverdueSupervision } from '../../_supervision/overdue';

async function load(key: string): Promise<TaskDto> {
  const task = (await planSnapshot()).tasks.find((t) => t.key === key);
  if (!task) notFound();
  return task;
}

export async function generateMetadata({ params }: { params: Promise<{ key: string }> }): Promise<Metadata> {
  // A refused viewer gets the 403 panel from the page itself, under the platform's own title.
  if (!(await pageAllows('dashboard.view'))) return {};
  const [task, locale] = await Promise.all([load((await params).key), getLocale()]);
  return { title: localTitle(locale, task) };
}

export default async function TaskPage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: SearchParams }) {
  const [{ key }, query] = await Promise.all([params, searchParams]);
  const { actor, refused } = await gatePage('dashboard.view', `/tasks/${key}`);
  if (refused) return refused;
  const [t, td, locale] = await Promise.all([getTranslations('tasks'), getTranslations('dashboard'), getLocale() as Promise<Locale>]);
  const task = await load(key);
  const latest = latestMonth();
  const resolved = await monthFrom(query);
  const asOf = resolved.month;
  const file = await taskFile(task, asOf, latest, locale);
  const parties = (list: TaskDto['lead']) => list.map((p) => ({ label: partyLabel(locale, p), unitId: p.unit?.id ?? null }));
  const label = task.isOrganisation ? t('orgNo', { no: sectionOrdinal(task.no, locale) }) : t('taskNo', { no: task.no });
  return (
    <>
      <PageHeader
        title={`${label} ${localTitle(locale, task)}`}
        subtitle={
          <>
            {localTitle(locale, task.section)}
            <span className="ml-2 font-medium text-slate-800">{td('asOf', { month: formatMonth(asOf, locale) })}</span>
          </>
        }
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <MonthNav path={`/tasks/${task.key}`} asOf={asOf} latest={latest} />
            <Link href={withMonth('/tasks', asOf, latest)} className="text-sm">
              {t('back')}
            </Link>
          </div>
        }
      />
      <MonthNotice resolved={resolved} />
      <OverdueSupervision actor={actor} about={{ taskId: task.id }} />
      <section aria-labelledby="task-status" className="avoid-break mb-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-task-file-status={file.status ?? 'none'}>
        <h2 id="task-status" className="mb-2 flex flex-wrap items-center gap-2 text-base font-semibold text-brand-900">
          {t('file.statusTitle')}
          {file.status ? <StatusBadge status={file.status} label={file.statusLabel} size="md" /> : <span className="text-sm font-normal text-slate-600">{file.statusLabel}</span>}
        </h2>
        <p className="text-sm leading-6 text-slate-700">{file.why}</p>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 border-t border-slate-100 pt-3 text-sm">
          <dt className="font-semibold text-slate-600">{t('lead')}</dt>
          <dd>
            <PartyList parties={parties(task.lead)} />
          </dd>
          <dt className="font-semibold text-slate-600">{t('responsible')}</dt>
          <dd>
            <PartyList parties={parties(task.responsible)} />
          </dd>
        </dl>
      </section>
      <section aria-labelledby="task-text" className="avoid-break mb-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="task-text" className="mb-2 text-base font-semibold text-brand-900">
          {t('text')}
        </h2>
        <p className="leading-7">{task.text}</p>
      </section>
      {file.cards.length ? (
        <section aria-labelledby="task-cards" className="mb-5">
          <h2 id="task-cards" className="mb-2 text-base font-semibold text-brand-900">
            {t('file.cards')}
          </h2>
          <IndicatorCardGrid cards={file.cards} />
        </section>
      ) : null}
      <section aria-labelledby="task-next" className="avoid-break mb-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="task-next" className="mb-2 text-base font-semibold text-brand-900">
          {t('file.next')}
        </h2>
        <ul className="list-inside list-disc text-sm leading-6 text-slate-700">
          {file.next.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="task-history" className="mb-5">
        <h2 id="task-history" className="mb-2 text-base font-semibold text-brand-900">
          {t('file.history')}
        </h2>
        <TaskHistory view={file.history} text={{ caption: t('file.history'), month: t('file.historyMonth'), none: t('file.historyNone'), empty: t('file.historyEmpty') }} />
      </section>
    </>
  );
}
