import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { IndicatorTable, type IndicatorRowView } from '@/components/plan/indicator-table';
import { PageHeader } from '@/components/ui/page-header';
import { systemClock } from '@/lib/clock';
import { describeMilestone, formatMonth, formatQuantity, type Locale } from '@/lib/format';
import { resolveMonthParam } from '@/lib/month-param';
import { lastClosedMonth } from '@/lib/periods';
import { getCurrentPlan, listIndicators, type IndicatorDto } from '@/lib/queries/plan';
import { listDistrictSeries } from '@/lib/queries/values';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('overview'))('title') };
}

const CATEGORIES = ['数量', '结构', '能力', 'task'] as const;

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [t, locale, params] = await Promise.all([getTranslations('overview'), getLocale() as Promise<Locale>, searchParams]);
  const asOf = resolveMonthParam(params.month, lastClosedMonth(systemClock()));
  const plan = await getCurrentPlan();
  const [indicators, series] = await Promise.all([
    listIndicators(plan.id),
    listDistrictSeries(plan.id, plan.regionUnitId, { asOf, includePending: true }),
  ]);

  const milestoneText = (ind: IndicatorDto, year: number) => {
    const m = ind.milestones.find((x) => x.year === year);
    return m ? describeMilestone(m.comparator, m.value, ind.unit, ind.decimals, locale) : null;
  };
  const toRow = (ind: IndicatorDto): IndicatorRowView => {
    const points = series.get(ind.code) ?? [];
    const last = points[points.length - 1];
    return {
      code: ind.code,
      name: locale === 'en' ? ind.nameEn : ind.name,
      latest: last
        ? {
            value: formatQuantity(last.value, ind.unit, ind.decimals, locale),
            month: formatMonth(last.month, locale),
            pending: last.status !== 'approved',
            provisional: last.stage === 'provisional',
          }
        : null,
      milestone2025: milestoneText(ind, 2025),
      milestone2027: milestoneText(ind, 2027),
      reporters: ind.reporters.map((r) => r.name).join('、'),
    };
  };
  const tableText = {
    indicator: t('indicator'),
    latest: t('latest'),
    m2025: t('m2025'),
    m2027: t('m2027'),
    reporter: t('reporter'),
    none: t('none'),
    pending: t('pending'),
    provisional: t('provisional'),
  };

  return (
    <>
      <PageHeader title={t('title')} subtitle={`${plan.title} · ${t('asOf', { month: formatMonth(asOf, locale) })}`} />
      {CATEGORIES.map((category) => {
        const rows = indicators.filter((i) => i.category === category).map(toRow);
        return rows.length ? <IndicatorTable key={category} caption={t(`category.${category}`)} rows={rows} text={tableText} /> : null;
      })}
    </>
  );
}
