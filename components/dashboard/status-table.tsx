'use client';
// A client component for its payload's sake: fed with plain data, the page's React payload carries that data instead of
// the rendered rows a second time (the server still renders the HTML).
import { Link } from '@/components/ui/link';
import { StatusBadge } from '@/components/dashboard/status-badge';
import type { ProgressStatus } from '@/lib/progress/types';

export interface StatusRowView {
  code: string;
  href: string;
  name: string;
  value: string | null;
  month: string | null;
  target: string | null;
  share: string | null;
  status: ProgressStatus;
  statusLabel: string;
  note?: string | null;
}

export interface StatusTableText {
  caption: string;
  indicator: string;
  latest: string;
  target: string;
  share: string;
  status: string;
  none: string;
}

/** Indicators with their latest figure and status, as a table (also the text alternative to the cards). */
export function StatusTable({ rows, text }: { rows: StatusRowView[]; text: StatusTableText }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="tbl w-full min-w-[560px] text-sm">
        <caption className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-left font-semibold text-brand-900">{text.caption}</caption>
        <thead className="text-left text-xs text-slate-500">
          <tr className="border-b border-slate-200">
            <th scope="col" className="font-medium">{text.indicator}</th>
            <th scope="col" className="text-right font-medium">{text.latest}</th>
            <th scope="col" className="font-medium">{text.target}</th>
            <th scope="col" className="text-right font-medium">{text.share}</th>
            <th scope="col" className="font-medium">{text.status}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="text-left font-normal">
                <Link href={row.href}>{row.name}</Link>
                {row.note ? <span className="ml-1 text-xs text-slate-500">{row.note}</span> : null}
              </th>
              <td className="num whitespace-nowrap text-right">
                {row.value ? (
                  <>
                    <span className="font-semibold">{row.value}</span>
                    <span className="ml-1 text-xs text-slate-500">{row.month}</span>
                  </>
                ) : (
                  <span className="text-slate-500">{text.none}</span>
                )}
              </td>
              <td>{row.target ?? '—'}</td>
              <td className="num text-right">{row.share ?? '—'}</td>
              <td>
                <StatusBadge status={row.status} label={row.statusLabel} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
