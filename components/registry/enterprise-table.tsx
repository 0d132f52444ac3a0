import { useTranslations } from 'next-intl';
import { Link } from '@/components/ui/link';
import type { EnterpriseRowDto } from '@/lib/queries/registry/list';

export function EnterpriseTable({ rows }: { rows: EnterpriseRowDto[] }) {
  const t = useTranslations('registry');
  if (rows.length === 0) return <p className="rounded-lg border border-slate-200 bg-white p-6 text-center text-slate-500">{t('empty')}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[720px] text-sm">
        <thead className="bg-slate-50 text-left text-xs text-slate-500">
          <tr className="border-b border-slate-200">
            <th scope="col" className="px-3 py-2 font-medium">{t('col.name')}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t('col.creditCode')}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t('col.town')}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t('col.park')}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t('col.tier')}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t('col.holds')}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t('col.highTechUntil')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <Link href={`/enterprises/${r.id}`}>{r.name}</Link>
              </th>
              <td className="num px-3 py-2 font-mono text-xs">{r.creditCode}</td>
              <td className="px-3 py-2">{r.town ?? '—'}</td>
              <td className="px-3 py-2">{r.park?.replace(/管委会$/, '') ?? '—'}</td>
              <td className="px-3 py-2">{t(`tier.${r.tier}`)}</td>
              <td className="px-3 py-2 text-slate-600">{r.holds.map((k) => t(`kind.${k}`)).join('、') || '—'}</td>
              <td className="num px-3 py-2">{r.highTechUntil ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
