import { useTranslations } from 'next-intl';
import { Link } from '@/components/ui/link';
import type { SupervisionRowDto } from '@/lib/queries/supervision';
import { DueBadge } from './due-badge';

/**
 * Overdue supervision items about one unit or one task, for the top of that page. Renders nothing when there are
 * none, so a page can place it unconditionally.
 */
export function OverdueSupervisionPanel({ rows }: { rows: SupervisionRowDto[] }) {
  const t = useTranslations('supervision');
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="overdue-supervision" className="mb-5 rounded border border-red-200 bg-red-50 p-3">
      <h2 id="overdue-supervision" className="mb-2 text-sm font-semibold text-red-900">
        {t('overdue.title')}（{rows.length}）
      </h2>
      <ul className="space-y-1 text-sm">
        {rows.map((row) => (
          <li key={row.id} data-item={row.id} className="flex flex-wrap items-center gap-2">
            <Link href={`/supervision/${row.id}`} className="font-medium text-red-900">
              #{row.id} {row.text.length > 60 ? `${row.text.slice(0, 60)}…` : row.text}
            </Link>
            <DueBadge due={row.due} daysLeft={row.daysLeft} />
            <span className="text-xs text-slate-600">{row.units.map((u) => u.name).join('、')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
