import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { PrintMargins } from '@/components/layout/print-margins';
import { can } from '@/lib/permissions';
import { formatMonth, formatPercent, listSeparator, type Locale } from '@/lib/format';
import { parseMonth } from '@/lib/periods';
import { localName, type UnitSummaryDto } from '@/lib/queries/plan';
import type { UnitYearDto } from '@/lib/queries/reporting/completeness';
import { allReportingRecords, currentPlan, latestMonth, loadDashboard, planSnapshot, planUnits, taskProgress } from '../_dashboard/load';
import { behindByUnit } from '../_dashboard/behind-views';
import { gatePage } from '@/lib/gate/page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('units'))('title') };
}

const KIND_ORDER = ['department', 'park', 'company', 'town', 'other'] as const;

export default async function UnitsPage() {
  const { actor, refused } = await gatePage('dashboard.view', '/units');
  if (refused) return refused;
  const [t, locale] = await Promise.all([getTranslations('units'), getLocale() as Promise<Locale>]);
  const asOf = latestMonth();
  const year = parseMonth(asOf).year;
  const [plan, units, data, { tasks }, reports] = await Promise.all([currentPlan(), planUnits(), loadDashboard(asOf), planSnapshot(), taskProgress(asOf)]);
  // The reporting record is for those who may see every unit's (leaders, the bureau); others see the plan's columns.
  const records: UnitYearDto[] = can(actor, 'reporting.viewAllUnits') ? await allReportingRecords(actor, year) : [];
  const recordOf = new Map(records.map((r) => [r.unit.id, r]));
  const behind = behindByUnit(data, tasks, reports);
  const score = (u: UnitSummaryDto) => behind.get(u.id) ?? { indicators: 0, tasks: 0 };
  const byKind = (kind: string) =>
    units
      .map((u, i) => ({ u, i }))
      .filter(({ u }) => u.kind === kind)
      .sort((a, b) => score(b.u).indicators - score(a.u).indicators || score(b.u).tasks - score(a.u).tasks || a.i - b.i)
      .map(({ u }) => u);
  const lastReport = (r: UnitYearDto | undefined) => {
    const m = r?.months.filter((x) => x.timeliness === 'on_time' || x.timeliness === 'late').at(-1);
    return m ? formatMonth(m.month, locale) : '—';
  };
  return (
    <>
      <PrintMargins boxes={{ 'bottom-left': (await getTranslations('dashboard'))('asOf', { month: formatMonth(asOf, locale) }) }} />
      <PageHeader title={t('title')} subtitle={`${localName(locale, { name: plan.region, nameEn: plan.regionEn })} · ${units.length} · ${t('list.rankNote', { month: formatMonth(asOf, locale) })}`} />
      {KIND_ORDER.filter((k) => byKind(k).length).map((kind) => (
        <section key={kind} className="mb-6 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full min-w-[720px] text-sm" data-units={kind}>
            <caption className="border-b border-slate-200 bg-slate-50 px-4 py-2 text-left text-base font-semibold text-brand-900">
              {t(`kind.${kind}`)}（{byKind(kind).length}）
            </caption>
            <thead className="text-left text-xs text-slate-600">
              <tr className="border-b border-slate-200">
                <th scope="col" className="px-3 py-2 font-medium">{t('title')}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t('list.indicatorsBehind')}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t('list.tasksBehind')}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t('list.onTimeRate', { year })}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t('list.lastReport')}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t('leads')}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t('shares')}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t('reports')}</th>
              </tr>
            </thead>
            <tbody>
              {byKind(kind).map((u) => {
                const s = score(u);
                const r = recordOf.get(u.id);
                return (
                  <tr key={u.id} className="border-b border-slate-100 last:border-0" data-unit={u.id}>
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      <Link href={`/units/${u.id}`}>{localName(locale, u)}</Link>
                      {u.groups.length ? <span className="block text-xs text-slate-500">{(locale === 'en' ? u.groupsEn : u.groups).join(listSeparator(locale))}</span> : null}
                    </th>
                    <td className={`num px-3 py-2 text-right ${s.indicators ? 'font-semibold text-red-800' : 'text-slate-500'}`} data-col="indicators-behind">{s.indicators}</td>
                    <td className={`num px-3 py-2 text-right ${s.tasks ? 'font-semibold text-red-800' : 'text-slate-500'}`} data-col="tasks-behind">{s.tasks}</td>
                    <td className="num px-3 py-2 text-right">{r && r.onTimeRate !== null ? formatPercent(r.onTimeRate, 0, locale) : '—'}</td>
                    <td className="num whitespace-nowrap px-3 py-2">{lastReport(r)}</td>
                    <td className="num px-3 py-2 text-right">{u.leads}</td>
                    <td className="num px-3 py-2 text-right">{u.shares}</td>
                    <td className="num px-3 py-2 text-right">{u.reports}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
