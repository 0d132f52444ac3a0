import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ChartSkeleton, LineSkeleton, TableSkeleton } from '@/components/dashboard/skeletons';
import { PageHeader } from '@/components/ui/page-header';
import { formatMonth, type Locale } from '@/lib/format';
import { monthFrom, dashboardReady, latestMonth, planSnapshot, type SearchParams } from '../../_dashboard/load';
import { ReloadWithoutScript, Widget } from '../../_dashboard/widget';
import { BreakdownWidget, ChartWidget, FiguresWidget, MilestonesWidget, SummaryWidget } from '../../_dashboard/indicator-widgets';
import { MonthNav, MonthNotice } from '../../_dashboard/month-nav';
import { indicatorName, withMonth } from '../../_dashboard/views';
import { gatePage, pageAllows } from '@/lib/gate/page';
import { RegistryComparisonSection } from '../../_registry/sections';

type Params = Promise<{ code: string }>;

async function findIndicator(code: string) {
  return (await planSnapshot()).indicators.find((i) => i.code === code) ?? null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  // A refused viewer gets the 403 panel from the page itself, under the platform's own title.
  if (!(await pageAllows('dashboard.view'))) return {};
  const [ind, locale] = await Promise.all([findIndicator((await params).code), getLocale() as Promise<Locale>]);
  return { title: ind ? indicatorName(ind, locale) : undefined };
}

export default async function IndicatorPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { actor, refused } = await gatePage('dashboard.view', `/indicators/${(await params).code}`);
  if (refused) return refused;
  const [{ code }, query, t, td, locale] = await Promise.all([params, searchParams, getTranslations('indicator'), getTranslations('dashboard'), getLocale() as Promise<Locale>]);
  const ind = await findIndicator(code);
  if (!ind) notFound();
  const latest = latestMonth();
  const resolved = await monthFrom(query);
  const asOf = resolved.month;
  const props = { code, asOf, latest, locale };
  const loading = td('loading');
  // Computed already: the widgets render in this pass (complete HTML, no JavaScript needed); otherwise they stream.
  const inline = (await dashboardReady(asOf))
    ? await Promise.all([SummaryWidget(props), ChartWidget(props), MilestonesWidget(props), FiguresWidget(props), ind.breakdownGroups.length ? BreakdownWidget(props) : null])
    : null;
  return (
    <>
      <ReloadWithoutScript when={!inline} />
      <PageHeader
        title={indicatorName(ind, locale)}
        subtitle={
          <>
            <span className="font-medium text-slate-800">{td('asOf', { month: formatMonth(asOf, locale) })}</span>
            {locale === 'en' ? <span className="ml-2 text-slate-500">{ind.name}</span> : null}
          </>
        }
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <MonthNav path={`/indicators/${code}`} asOf={asOf} latest={latest} />
            <Link href={withMonth('/', asOf, latest)} className="text-sm">
              {t('back')}
            </Link>
          </div>
        }
      />
      <MonthNotice resolved={resolved} />
      <p className="mb-5 rounded border-l-4 border-brand-100 bg-white px-3 py-2 text-sm leading-6 text-slate-700">
        <span className="mr-1 text-slate-500">{t('sourceText')}：</span>
        {ind.sourceText}
      </p>
      {ind.registry ? <RegistryComparisonSection actor={actor} indicatorId={ind.id} asOf={asOf} /> : null}
      <Widget ready={!!inline} content={inline?.[0]} fallback={<LineSkeleton label={loading} />}>
        <SummaryWidget {...props} />
      </Widget>
      <Widget ready={!!inline} content={inline?.[1]} fallback={<ChartSkeleton label={loading} />}>
        <ChartWidget {...props} />
      </Widget>
      <Widget ready={!!inline} content={inline?.[2]} fallback={<TableSkeleton rows={2} label={loading} />}>
        <MilestonesWidget {...props} />
      </Widget>
      <div className={ind.breakdownGroups.length ? 'grid gap-6 lg:grid-cols-2 print:grid-cols-1' : ''}>
        <section aria-label={t('figures.caption')} className="min-w-0">
          <Widget ready={!!inline} content={inline?.[3]} fallback={<TableSkeleton rows={12} label={loading} />}>
            <FiguresWidget {...props} />
          </Widget>
        </section>
        {ind.breakdownGroups.length ? (
          <section aria-labelledby="breakdown" className="min-w-0">
            <h2 id="breakdown" className="mb-3 text-lg font-semibold text-brand-900">
              {t('breakdown.title')}
            </h2>
            <Widget ready={!!inline} content={inline?.[4]} fallback={<TableSkeleton rows={12} label={loading} />}>
              <BreakdownWidget {...props} />
            </Widget>
          </section>
        ) : null}
      </div>
    </>
  );
}
