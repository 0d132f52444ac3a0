import { useTranslations } from 'next-intl';
import { Link } from '@/components/ui/link';
import type { EnterpriseFilter } from '@/lib/schemas/registry/filters';

interface Props {
  filter: EnterpriseFilter;
  towns: { id: number; name: string }[];
  parks: { id: number; name: string }[];
  kinds: readonly string[];
  tiers: readonly string[];
  exportHref: string;
}

/** A plain GET form: the filters are the page's search params, so a filtered list is a link one can share. */
export function EnterpriseFilters({ filter, towns, parks, kinds, tiers, exportHref }: Props) {
  const t = useTranslations('registry');
  const select = (name: string, label: string, value: string | number | undefined, options: { value: string | number; label: string }[]) => (
    <label className="flex flex-col text-xs text-slate-600">
      {label}
      <select name={name} defaultValue={value ?? ''} className="mt-1 rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900">
        <option value="">{t('filter.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form method="get" action="/enterprises" className="no-print mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <label className="flex min-w-[12rem] flex-1 flex-col text-xs text-slate-600">
        {t('filter.q')}
        <input name="q" defaultValue={filter.q ?? ''} maxLength={60} className="mt-1 rounded border border-slate-300 px-2 py-1 text-sm text-slate-900" />
      </label>
      {towns.length > 0 && select('town', t('filter.town'), filter.town, towns.map((u) => ({ value: u.id, label: u.name })))}
      {parks.length > 0 && select('park', t('filter.park'), filter.park, parks.map((u) => ({ value: u.id, label: u.name })))}
      {select('holds', t('filter.holds'), filter.holds, kinds.map((k) => ({ value: k, label: t(`kind.${k}`) })))}
      {select('tier', t('filter.tier'), filter.tier, tiers.map((k) => ({ value: k, label: t(`tier.${k}`) })))}
      {select('cluster', t('filter.cluster'), filter.cluster, [7, 8, 9, 10, 11].map((n) => ({ value: n, label: t('clusterTask', { no: n }) })))}
      {select('aboveScale', t('filter.aboveScale'), filter.aboveScale, [
        { value: 'yes', label: t('filter.yes') },
        { value: 'no', label: t('filter.no') },
      ])}
      <div className="flex gap-2">
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm text-white hover:bg-brand-800">
          {t('filter.apply')}
        </button>
        <Link href="/enterprises" className="rounded border border-slate-300 px-3 py-1.5 text-sm text-slate-700">
          {t('filter.reset')}
        </Link>
        <a href={exportHref} className="rounded border border-brand-700 px-3 py-1.5 text-sm text-brand-800">
          {t('filter.export')}
        </a>
      </div>
    </form>
  );
}
