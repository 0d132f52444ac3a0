// An indicator counted from the registry, on its own page: month by month, the approved district figure beside the
// registry's count (linked to the list behind it) and the difference, never hidden.
import { Link } from '@/components/ui/link';

export interface RegistryComparisonView {
  ruleText: string;
  rows: { month: string; monthLabel: string; registry: number; figure: number | null; difference: number | null; href: string }[];
}

const fmt = (n: number) => n.toLocaleString('zh-CN');

export function RegistryComparison({ view, text: t }: { view: RegistryComparisonView; text: Record<string, string> }) {
  return (
    <section aria-labelledby="registry-comparison" className="mb-6 overflow-x-auto rounded-lg border border-sky-200 bg-white shadow-sm" data-registry-comparison>
      <h2 id="registry-comparison" className="border-b border-sky-200 bg-sky-50 px-4 py-2 text-base font-semibold text-brand-900">{t.comparisonTitle}</h2>
      <p className="px-4 pt-2 text-xs text-slate-600">{view.ruleText}</p>
      <table className="w-full min-w-[360px] text-sm">
        <thead className="text-left text-xs text-slate-500">
          <tr className="border-b border-slate-200">
            <th scope="col" className="px-4 py-1 font-medium">{t.month}</th>
            <th scope="col" className="px-4 py-1 text-right font-medium">{t.approved}</th>
            <th scope="col" className="px-4 py-1 text-right font-medium">{t.registry}</th>
            <th scope="col" className="px-4 py-1 text-right font-medium">{t.differenceApproved}</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => (
            <tr key={r.month} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="px-4 py-1 text-left font-normal">{r.monthLabel}</th>
              <td className="num px-4 py-1 text-right">{r.figure === null ? '—' : fmt(r.figure)}</td>
              <td className="num px-4 py-1 text-right">
                <Link href={r.href}>{fmt(r.registry)}</Link>
              </td>
              <td className={`num px-4 py-1 text-right ${r.difference ? 'font-semibold text-amber-800' : 'text-slate-500'}`}>{r.difference === null ? '—' : r.difference > 0 ? `+${fmt(r.difference)}` : fmt(r.difference)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
