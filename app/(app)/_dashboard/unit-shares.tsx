// Page layer: the unit page's 任务分解 block, on its own so the page places it with one element: the unit's own
// figures against the shares the bureau set (nothing when it has none).
import { getTranslations } from 'next-intl/server';
import { UnitSharesTable } from '@/components/rankings/unit-shares';
import type { Actor } from '@/lib/actor';
import { formatMonth, formatPercent, formatQuantity, type Locale } from '@/lib/format';
import type { Month } from '@/lib/periods';
import { listUnitShares } from '@/lib/queries/rankings/shares';
import { withMonth } from './views';

export async function UnitShares({ actor, unitId, asOf, latest, locale }: { actor: Actor; unitId: number; asOf: Month; latest: Month; locale: Locale }) {
  const rows = await listUnitShares(actor, { unitId, month: asOf });
  if (rows.length === 0) return null;
  const t = await getTranslations('rankings.unitShares');
  const years = [...new Set(rows.flatMap((r) => r.shares.map((s) => s.year)))].sort((a, b) => a - b);
  const q = (x: number, unit: string) => formatQuantity(x, unit, 4, locale, true);
  return (
    <UnitSharesTable
      years={years}
      rows={rows.map((r) => ({
        code: r.code,
        name: locale === 'en' ? r.nameEn : r.name,
        href: withMonth(`/indicators/${r.code}`, asOf, latest),
        value: r.value === null ? t('noValue') : `${q(r.value, r.unit)}（${formatMonth(r.valueMonth!, locale)}）`,
        cells: r.shares.map((s) => ({
          year: s.year,
          share: q(s.share, r.unit),
          since: t('since', { month: formatMonth(s.effectiveFrom, locale) }),
          completion: s.completion === null ? null : formatPercent(s.completion, 1, locale),
          tone: s.completion === null ? 'none' : s.completion >= 1 ? 'good' : 'warn',
        })),
      }))}
      text={{ caption: t('caption'), indicator: t('indicator'), latest: t('latest'), share: (year) => t('share', { year }), completion: t('completion'), none: t('none') }}
    />
  );
}

