import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { LineSkeleton, TableSkeleton } from '@/components/dashboard/skeletons';
import { PageHeader } from '@/components/ui/page-header';
import { formatMonth, listSeparator, type Locale } from '@/lib/format';
import { monthFrom, dashboardReady, latestMonth, unitDetail, type SearchParams } from '../../_dashboard/load';
import { ReloadWithoutScript, Widget } from '../../_dashboard/widget';
import { MonthNav, MonthNotice } from '../../_dashboard/month-nav';
import { UnitBehindWidget, UnitIndicatorsWidget, UnitReportingWidget, UnitTasksWidget } from '../../_dashboard/unit-widgets';
import { gatePage, pageAllows } from '@/lib/gate/page';
import { OverdueSupervision } from '../../_supervision/overdue';
import { localName } from '@/lib/queries/plan';
import { UnitShares } from '../../_dashboard/unit-shares';
import { Suspense } from 'react';

async function load(id: string) {
  if (!/^\d{1,9}$/.test(id)) notFound();
  return (await unitDetail(Number(id))) ?? notFound();
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  // A refused viewer gets the 403 panel from the page itself, under the platform's own title.
  if (!(await pageAllows('dashboard.view'))) return {};
  const [unit, locale] = await Promise.all([load((await params).id), getLocale()]);
  return { title: localName(locale, unit) };
}

export default async function UnitPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { actor, refused } = await gatePage('dashboard.view', `/units/${(await params).id}`);
  if (refused) return refused;
  const [t, td, locale, { id }, query] = await Promise.all([getTranslations('units'), getTranslations('dashboard'), getLocale() as Promise<Locale>, params, searchParams]);
  const unit = await load(id);
  const latest = latestMonth();
  const resolved = await monthFrom(query);
  const asOf = resolved.month;
  const props = { unit, asOf, latest, locale };
  const loading = td('loading');
  // Computed already: the widgets render in this pass (complete HTML, no JavaScript needed); otherwise they stream.
  const inline = (await dashboardReady(asOf, { tasks: true }))
    ? await Promise.all([UnitReportingWidget(props), UnitIndicatorsWidget(props), UnitTasksWidget(props), UnitBehindWidget(props)])
    : null;
  return (
    <>
      <ReloadWithoutScript when={!inline} />
      <PageHeader
        title={localName(locale, unit)}
        subtitle={
          <>
            {t(`kind.${unit.kind}`)}
            {unit.groups.length ? ` · ${t('groups')}${locale === 'en' ? ': ' : '：'}${(locale === 'en' ? unit.groupsEn : unit.groups).join(listSeparator(locale))}` : ''}
            <span className="ml-2 font-medium text-slate-800">{td('asOf', { month: formatMonth(asOf, locale) })}</span>
          </>
        }
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <MonthNav path={`/units/${unit.id}`} asOf={asOf} latest={latest} />
            <Link href="/units" className="text-sm">
              {t('back')}
            </Link>
          </div>
        }
      />
      <MonthNotice resolved={resolved} />
      <OverdueSupervision actor={actor} about={{ unitId: unit.id }} />
      <Widget ready={!!inline} content={inline?.[3]} fallback={<TableSkeleton rows={4} label={loading} />}>
        <UnitBehindWidget {...props} />
      </Widget>
      <Widget ready={!!inline} content={inline?.[0]} fallback={<LineSkeleton label={loading} />}>
        <UnitReportingWidget {...props} />
      </Widget>
      <Widget ready={!!inline} content={inline?.[1]} fallback={<TableSkeleton rows={4} label={loading} />}>
        <UnitIndicatorsWidget {...props} />
      </Widget>
      <Suspense fallback={<TableSkeleton rows={3} label={loading} />}>
        <UnitShares actor={actor} unitId={unit.id} asOf={asOf} latest={latest} locale={locale} />
      </Suspense>
      <Widget ready={!!inline} content={inline?.[2]} fallback={<TableSkeleton rows={8} label={loading} />}>
        <UnitTasksWidget {...props} />
      </Widget>
    </>
  );
}
