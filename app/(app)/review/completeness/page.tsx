import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { reviewSession, reviewYear, ReviewNav, type SearchParams } from '@/app/(app)/review/_lib/support';
import { PageHeader } from '@/components/ui/page-header';
import { systemClock } from '@/lib/clock';
import { formatDateTime, formatPercent } from '@/lib/format';
import { getCurrentPlan } from '@/lib/queries/plan';
import { listReportingRecords } from '@/lib/queries/reporting/completeness';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reporting.review'))('completenessTitle') };
}

const COLUMNS = ['expected', 'submitted', 'onTime', 'late', 'missing'] as const;

export default async function ReviewCompletenessPage({ searchParams }: { searchParams: SearchParams }) {
  const { actor, t, locale, forbidden } = await reviewSession('reporting.viewAllUnits', '/review/completeness');
  if (forbidden) return forbidden;
  const year = reviewYear((await searchParams).year);
  const plan = await getCurrentPlan(actor);
  const rows = await listReportingRecords(actor, { planId: plan.id, year });
  // The domain never yields more submitted than expected months; the clamp keeps a printed table honest regardless.
  const percent = (ratio: number | null) => (ratio === null ? '—' : formatPercent(Math.min(ratio, 1), 1, locale));
  const currentYear = reviewYear(undefined);
  const years = Array.from({ length: Math.max(1, currentYear - plan.periodStart + 1) }, (_, i) => plan.periodStart + i);

  return (
    <>
      <PageHeader title={t('completenessTitle')} subtitle={t('completenessSubtitle', { year })} />
      <ReviewNav active="completeness" t={t} />
      <form method="get" className="no-print mb-4 flex items-center gap-2 text-sm">
        <label htmlFor="completeness-year">{t('year')}</label>
        <select id="completeness-year" name="year" defaultValue={String(year)} className="rounded border border-slate-300 px-2 py-1">
          {years.map((y) => (
            <option key={y} value={y}>{y}</option>
          ))}
        </select>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50">{t('show')}</button>
      </form>
      <p className="print-only mb-2 text-xs text-slate-600">{t('printedAt', { at: formatDateTime(systemClock(), locale) })}</p>
      {rows.length ? (
        <table className="w-full border-collapse bg-white text-sm print:text-xs">
          <thead className="text-left text-xs text-slate-500">
            <tr className="border-b border-slate-300">
              <th scope="col" className="px-2 py-2 font-medium">{t('col.unit')}</th>
              {COLUMNS.map((c) => (
                <th key={c} scope="col" className="px-2 py-2 text-right font-medium">{t(`c.${c}`)}</th>
              ))}
              <th scope="col" className="px-2 py-2 text-right font-medium">{t('c.rate')}</th>
              <th scope="col" className="px-2 py-2 text-right font-medium">{t('c.onTimeRate')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.unit.id} className="break-inside-avoid border-b border-slate-100">
                <th scope="row" className="px-2 py-1.5 text-left font-normal">{r.unit.name}</th>
                {COLUMNS.map((c) => (
                  <td key={c} className={`num px-2 py-1.5 text-right ${c === 'missing' && r.missing ? 'font-semibold text-red-700' : ''}`}>{r[c]}</td>
                ))}
                <td className="num px-2 py-1.5 text-right">{percent(r.rate)}</td>
                <td className="num px-2 py-1.5 text-right">{percent(r.onTimeRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-500">{t('completenessEmpty')}</p>
      )}
    </>
  );
}
