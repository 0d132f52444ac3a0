import { Link } from '@/components/ui/link';

export interface BreakdownRowView {
  unitId: number;
  name: string;
  value: string;
  share: string;
  shareRatio: number;
  yoy: string;
  /** Against the unit's own share of the target (任务分解), e.g. "45 / 50（90.0%）"; absent when no share is set. */
  target?: string;
}

export function BreakdownTable({ caption, rows, text }: { caption: string; rows: BreakdownRowView[]; text: { unit: string; value: string; share: string; yoy: string; target?: string } }) {
  const withTarget = rows.some((r) => r.target);
  return (
    <div className="avoid-break overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[420px] text-sm">
        <caption className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-left font-semibold text-brand-900">{caption}</caption>
        <thead className="text-left text-xs text-slate-500">
          <tr className="border-b border-slate-200">
            <th scope="col" className="px-3 py-2 font-medium">{text.unit}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{text.value}</th>
            <th scope="col" className="px-3 py-2 font-medium">{text.share}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{text.yoy}</th>
            {withTarget ? <th scope="col" className="px-3 py-2 text-right font-medium">{text.target}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.unitId} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="px-3 py-1.5 text-left font-normal">
                <Link href={`/units/${r.unitId}`}>{r.name}</Link>
              </th>
              <td className="num px-3 py-1.5 text-right font-medium">{r.value}</td>
              <td className="px-3 py-1.5">
                <span className="flex items-center gap-2">
                  <span className="h-2 w-20 overflow-hidden rounded bg-slate-100 [print-color-adjust:exact]" aria-hidden="true">
                    <span className="block h-full bg-brand-600" style={{ width: `${Math.max(0, Math.min(1, r.shareRatio)) * 100}%` }} />
                  </span>
                  <span className="num text-slate-700">{r.share}</span>
                </span>
              </td>
              <td className="num px-3 py-1.5 text-right text-slate-600">{r.yoy}</td>
              {withTarget ? <td className="num px-3 py-1.5 text-right text-slate-600">{r.target ?? '—'}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
