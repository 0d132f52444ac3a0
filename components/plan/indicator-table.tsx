import Link from 'next/link';
import { Badge } from '@/components/ui/badge';

export interface IndicatorRowView {
  code: string;
  name: string;
  latest: { value: string; month: string; pending: boolean; provisional: boolean } | null;
  milestone2025: string | null;
  milestone2027: string | null;
  reporters: string;
}

export interface IndicatorTableText {
  indicator: string;
  latest: string;
  m2025: string;
  m2027: string;
  reporter: string;
  none: string;
  pending: string;
  provisional: string;
}

export function IndicatorTable({ caption, rows, text }: { caption: string; rows: IndicatorRowView[]; text: IndicatorTableText }) {
  return (
    <section className="mb-6 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[640px] text-sm">
        <caption className="border-b border-slate-200 bg-slate-50 px-4 py-2 text-left text-base font-semibold text-brand-900">{caption}</caption>
        <thead className="text-left text-xs text-slate-500">
          <tr className="border-b border-slate-200">
            <th scope="col" className="px-4 py-2 font-medium">{text.indicator}</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">{text.latest}</th>
            <th scope="col" className="px-4 py-2 font-medium">{text.m2025}</th>
            <th scope="col" className="px-4 py-2 font-medium">{text.m2027}</th>
            <th scope="col" className="px-4 py-2 font-medium">{text.reporter}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="px-4 py-2 text-left font-normal">
                <Link href={`/indicators/${row.code}`}>{row.name}</Link>
              </th>
              <td className="num px-4 py-2 text-right">
                {row.latest ? (
                  <>
                    <span className="font-semibold">{row.latest.value}</span>
                    <span className="ml-1 text-xs text-slate-500">{row.latest.month}</span>
                    {row.latest.pending ? <span className="ml-1"><Badge tone="warn">{text.pending}</Badge></span> : null}
                    {row.latest.provisional ? <span className="ml-1"><Badge>{text.provisional}</Badge></span> : null}
                  </>
                ) : (
                  <span className="text-slate-400">{text.none}</span>
                )}
              </td>
              <td className="px-4 py-2">{row.milestone2025 ?? '—'}</td>
              <td className="px-4 py-2">{row.milestone2027 ?? '—'}</td>
              <td className="px-4 py-2 text-slate-600">{row.reporters}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
