import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { CardGridSkeleton, LineSkeleton, TableSkeleton } from '@/components/dashboard/skeletons';
import { WidgetSection } from '@/components/dashboard/widget-section';
import { PageHeader } from '@/components/ui/page-header';
import { formatMonth, type Locale } from '@/lib/format';
import { monthFrom, latestMonth, type SearchParams } from './_dashboard/load';
import { ReloadWithoutScript, Widget } from './_dashboard/widget';
import { MonthNav, MonthNotice } from './_dashboard/month-nav';
import { BehindWidget, ClustersWidget, HeadlineWidget, InputsWidget, overviewReady, parseStatusFilter, StatusSummaryWidget, TaskTargetsWidget } from './_dashboard/overview-widgets';
import { requireLandingPage } from '@/lib/gate/page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard'))('title') };
}

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  await requireLandingPage();
  const [t, locale, params] = await Promise.all([getTranslations('dashboard'), getLocale() as Promise<Locale>, searchParams]);
  const latest = latestMonth();
  const resolved = await monthFrom(params);
  const asOf = resolved.month;
  const filter = parseStatusFilter(params);
  const props = { asOf, latest, locale, filter };
  const loading = t('loading');
  // Computed already: the widgets render in this pass (complete HTML, no JavaScript needed); otherwise they stream.
  const inline = (await overviewReady(asOf, latest, locale))
    ? await Promise.all([StatusSummaryWidget(props), HeadlineWidget(props), ClustersWidget(props), TaskTargetsWidget(props), InputsWidget(props), BehindWidget(props)])
    : null;
  return (
    <>
      <ReloadWithoutScript when={!inline} />
      <PageHeader
        title={t('title')}
        subtitle={
          <>
            <span className="font-medium text-slate-800">{t('asOf', { month: formatMonth(asOf, locale) })}</span>
            <span className="ml-2 text-xs text-slate-500">{t('asOfNote')}</span>
          </>
        }
        actions={<MonthNav path="/" asOf={asOf} latest={latest} keep={filter ? { status: filter } : {}} />}
      />
      <MonthNotice resolved={resolved} />
      <Widget ready={!!inline} content={inline?.[0]} fallback={<LineSkeleton label={loading} />}>
        <StatusSummaryWidget {...props} />
      </Widget>
      {filter ? null : (
        <Widget ready={!!inline} content={inline?.[5]} fallback={<TableSkeleton rows={6} label={loading} />}>
          <BehindWidget {...props} />
        </Widget>
      )}
      <WidgetSection id="headline" title={t('headline')} note={t('headlineNote')}>
        <Widget ready={!!inline} content={inline?.[1]} fallback={<CardGridSkeleton count={9} label={loading} />}>
          <HeadlineWidget {...props} />
        </Widget>
      </WidgetSection>
      <WidgetSection id="clusters" title={t('clusters')} note={t('clustersNote')}>
        <Widget ready={!!inline} content={inline?.[2]} fallback={<CardGridSkeleton count={4} label={loading} />}>
          <ClustersWidget {...props} />
        </Widget>
      </WidgetSection>
      <WidgetSection id="task-targets" title={t('taskTargets')}>
        <Widget ready={!!inline} content={inline?.[3]} fallback={<CardGridSkeleton count={6} label={loading} />}>
          <TaskTargetsWidget {...props} />
        </Widget>
      </WidgetSection>
      <Widget ready={!!inline} content={inline?.[4]} fallback={<TableSkeleton rows={2} label={loading} />}>
        <InputsWidget {...props} />
      </Widget>
    </>
  );
}
