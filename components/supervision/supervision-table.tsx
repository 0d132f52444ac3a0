import { useTranslations } from 'next-intl';
import { Link } from '@/components/ui/link';
import type { SupervisionRowDto } from '@/lib/queries/supervision';
import { DueBadge } from './due-badge';
import { StateBadge } from './state-badge';

/** The supervision list: one row per item, its colour by due date, each linking to the item. Stacks at 360 px. */
export function SupervisionTable({ rows }: { rows: SupervisionRowDto[] }) {
  const t = useTranslations('supervision');
  if (rows.length === 0) return <p className="rounded border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">{t('empty')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-slate-300 text-left text-xs text-slate-600">
            <th className="py-2 pr-3">{t('columns.id')}</th>
            <th className="py-2 pr-3">{t('columns.text')}</th>
            <th className="py-2 pr-3">{t('columns.units')}</th>
            <th className="py-2 pr-3">{t('columns.raisedBy')}</th>
            <th className="py-2 pr-3">{t('columns.dueDate')}</th>
            <th className="py-2">{t('columns.state')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-item={row.id} className={`border-b border-slate-200 align-top ${row.due === 'overdue' ? 'bg-red-50/60' : row.due === 'soon' ? 'bg-amber-50/60' : ''}`}>
              <td className="py-2 pr-3 tabular-nums">
                <Link href={`/supervision/${row.id}`}>#{row.id}</Link>
              </td>
              <td className="max-w-md py-2 pr-3">
                <Link href={`/supervision/${row.id}`} className="font-medium text-slate-900">
                  {row.text.length > 80 ? `${row.text.slice(0, 80)}…` : row.text}
                </Link>
                <span className="mt-0.5 block text-xs text-slate-500">
                  {t(`targetKinds.${row.target.kind}` as 'targetKinds.task')}：{row.target.label}
                </span>
              </td>
              <td className="py-2 pr-3 text-xs">
                {row.units.map((u) => (
                  <span key={u.id} className="block">
                    {u.name}
                    <span className="text-slate-500">（{t(u.role)}）</span>
                  </span>
                ))}
              </td>
              <td className="py-2 pr-3 text-xs">{row.raisedBy}</td>
              <td className="py-2 pr-3 text-xs tabular-nums">
                {row.dueDate}
                <span className="mt-0.5 block">
                  <DueBadge due={row.due} daysLeft={row.daysLeft} />
                </span>
              </td>
              <td className="py-2">
                <StateBadge state={row.state} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
