import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ShareGridForm, type ShareGridView } from '@/components/rankings/share-grid-form';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { saveShareGridAction } from '@/lib/actions/rankings';
import { systemClock } from '@/lib/clock';
import { formatMonth, formatNumber, type Locale } from '@/lib/format';
import { gatePage } from '@/lib/gate/page';
import { isMonth, monthOf } from '@/lib/periods';
import { getCurrentPlan } from '@/lib/queries/plan';
import { getShareGrid } from '@/lib/queries/rankings/shares';
import type { SearchParams } from '../../_dashboard/load';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('rankings.shares'))('title') };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function TargetSharesPage({ searchParams }: { searchParams: SearchParams }) {
  const { actor, refused } = await gatePage('target.decompose', '/rankings/shares');
  if (refused) return refused;
  const [t, locale, query] = await Promise.all([getTranslations('rankings.shares'), getLocale() as Promise<Locale>, searchParams]);
  const asked = one(query.month);
  const month = asked && isMonth(asked) ? asked : monthOf(systemClock());
  const plan = await getCurrentPlan(actor);
  const grid = await getShareGrid(actor, { planId: plan.id, indicatorCode: one(query.indicator), month });
  const n = (x: number) => formatNumber(x, 4, locale, true);
  const name = (i: { name: string; nameEn: string }) => (locale === 'en' ? i.nameEn : i.name);
  const view: ShareGridView | null = grid.indicator && {
    indicatorCode: grid.indicator.code,
    unitLabel: grid.indicator.unit,
    years: grid.years.map((y) => ({ year: y.year, target: n(y.target), text: y.text })),
    groups: grid.groups.map((g) => ({
      name: g.name,
      rows: g.rows.map((r) => ({
        unitId: r.unitId,
        name: r.name,
        cells: r.cells.map((c) => ({
          year: c.year,
          value: c.value === null ? '' : String(c.value),
          since: c.effectiveFrom ? formatMonth(c.effectiveFrom, locale) : null,
          later: c.later.length ? c.later.map((l) => t('later', { month: formatMonth(l.effectiveFrom, locale), value: n(l.value) })).join('；') : null,
          token: c.token,
        })),
      })),
      totals: g.totals.map((s) => ({
        year: s.year,
        sum: n(s.sum),
        target: n(s.target),
        difference: `${s.difference > 0 ? '+' : s.difference < 0 ? '−' : ''}${n(Math.abs(s.difference))}`,
        tone: (Math.abs(s.difference) < 1e-9 ? 'ok' : s.difference > 0 ? 'over' : 'under') as 'ok' | 'over' | 'under',
        missing: s.missing,
      })),
    })),
  };
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle', { month: formatMonth(month, locale) })}
        actions={
          <Link href="/rankings" className="text-sm">
            {t('back')}
          </Link>
        }
      />
      <nav aria-label={t('indicators')} className="mb-4 flex flex-wrap gap-2 text-sm">
        {grid.indicators.map((i) => (
          <a
            key={i.code}
            href={`/rankings/shares?indicator=${i.code}&month=${month}`}
            aria-current={i.code === grid.indicator?.code ? 'page' : undefined}
            className={`rounded border px-3 py-1 ${i.code === grid.indicator?.code ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50'}`}
          >
            {name(i)}
          </a>
        ))}
      </nav>
      {view ? <ShareGridForm key={`${view.indicatorCode}:${month}`} view={view} defaultMonth={month} action={saveShareGridAction} /> : <p className="text-slate-600">{t('none')}</p>}
    </>
  );
}
