import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { LineSkeleton, TableSkeleton } from '@/components/dashboard/skeletons';
import { PageHeader } from '@/components/ui/page-header';
import { formatMonth, type Locale } from '@/lib/format';
import { monthFrom, dashboardReady, latestMonth, type SearchParams } from '../_dashboard/load';
import { ReloadWithoutScript, Widget } from '../_dashboard/widget';
import { MonthNav, MonthNotice } from '../_dashboard/month-nav';
import { parseTaskFilters, TaskBoardWidget, TaskFiltersWidget } from '../_dashboard/task-widgets';
import { gatePage } from '@/lib/gate/page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tasks'))('title') };
}

export default async function TasksPage({ searchParams }: { searchParams: SearchParams }) {
  const { refused } = await gatePage('dashboard.view', '/tasks');
  if (refused) return refused;
  const [t, td, locale, params] = await Promise.all([getTranslations('tasks'), getTranslations('dashboard'), getLocale() as Promise<Locale>, searchParams]);
  const latest = latestMonth();
  const resolved = await monthFrom(params);
  const asOf = resolved.month;
  const filters = parseTaskFilters(params);
  const keep: Record<string, string> = {};
  if (filters.unit) keep.unit = String(filters.unit);
  if (filters.status) keep.status = filters.status;
  const props = { asOf, latest, locale, filters };
  const loading = td('loading');
  // Computed already: the widgets render in this pass (complete HTML, so the filters work without JavaScript);
  // otherwise they stream.
  const inline = (await dashboardReady(asOf, { tasks: true })) ? await Promise.all([TaskFiltersWidget(props), TaskBoardWidget(props)]) : null;
  return (
    <>
      <ReloadWithoutScript when={!inline} />
      <PageHeader
        title={t('title')}
        subtitle={<span className="font-medium text-slate-800">{td('asOf', { month: formatMonth(asOf, locale) })}</span>}
        actions={<MonthNav path="/tasks" asOf={asOf} latest={latest} keep={keep} />}
      />
      <MonthNotice resolved={resolved} />
      <Widget ready={!!inline} content={inline?.[0]} fallback={<LineSkeleton label={loading} />}>
        <TaskFiltersWidget {...props} />
      </Widget>
      <Widget ready={!!inline} content={inline?.[1]} fallback={<TableSkeleton rows={12} label={loading} />}>
        <TaskBoardWidget {...props} />
      </Widget>
    </>
  );
}
