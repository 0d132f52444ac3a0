import { useTranslations } from 'next-intl';
import { Link } from '@/components/ui/link';
import type { SupervisionFilter } from '@/lib/schemas/supervision/filters';

/** A plain GET form: filters live in the URL, work without JavaScript and can be shared or bookmarked. */
export function SupervisionFilters({ filter, units, raisers }: { filter: SupervisionFilter; units: { id: number; name: string }[]; raisers: { id: number; name: string }[] }) {
  const t = useTranslations('supervision');
  const select = 'w-full rounded border border-slate-300 px-2 py-1.5 text-sm';
  return (
    <form method="get" action="/supervision" className="no-print mb-4 grid grid-cols-1 gap-3 rounded border border-slate-200 bg-slate-50 p-3 sm:grid-cols-5">
      <label className="text-xs text-slate-700">
        {t('filters.state')}
        <select name="state" defaultValue={filter.state ?? ''} className={select}>
          <option value="">{t('filters.all')}</option>
          {(['open', 'answered', 'returned', 'closed', 'overdue'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`states.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-700">
        {t('filters.unit')}
        <select name="unitId" defaultValue={filter.unitId ?? ''} className={select}>
          <option value="">{t('filters.all')}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-700">
        {t('filters.raiser')}
        <select name="raisedById" defaultValue={filter.raisedById ?? ''} className={select}>
          <option value="">{t('filters.all')}</option>
          {raisers.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-700">
        {t('filters.dueMonth')}
        <input type="month" name="dueMonth" defaultValue={filter.dueMonth ?? ''} className={select} />
      </label>
      <div className="flex items-end gap-2">
        <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-900">
          {t('filters.apply')}
        </button>
        <Link href="/supervision" className="text-sm">
          {t('filters.reset')}
        </Link>
      </div>
    </form>
  );
}
