import { Badge, type BadgeTone } from '@/components/ui/badge';

export interface FigureRowView {
  key: string;
  month: string;
  value: string;
  planned: string;
  ofPlan: string;
  stage: string;
  status: { label: string; tone: BadgeTone };
}

/** Every figure of the indicator, newest first: the text alternative to the chart. */
export function FigureTable({
  rows,
  text,
}: {
  rows: FigureRowView[];
  text: { caption: string; month: string; value: string; planned: string; ofPlan: string; stage: string; status: string; none: string };
}) {
  return (
    <div className="mb-6 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[560px] text-sm">
        <caption className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-left font-semibold text-brand-900">{text.caption}</caption>
        <thead className="text-left text-xs text-slate-500">
          <tr className="border-b border-slate-200">
            <th scope="col" className="px-3 py-2 font-medium">{text.month}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{text.value}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{text.planned}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{text.ofPlan}</th>
            <th scope="col" className="px-3 py-2 font-medium">{text.stage}</th>
            <th scope="col" className="px-3 py-2 font-medium">{text.status}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={6} className="px-3 py-4 text-center text-slate-500">
                {text.none}
              </td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={r.key} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="num whitespace-nowrap px-3 py-1.5 text-left font-normal">{r.month}</th>
                <td className="num px-3 py-1.5 text-right font-medium">{r.value}</td>
                <td className="num px-3 py-1.5 text-right text-slate-600">{r.planned}</td>
                <td className="num px-3 py-1.5 text-right text-slate-600">{r.ofPlan}</td>
                <td className="px-3 py-1.5 text-slate-600">{r.stage}</td>
                <td className="px-3 py-1.5">
                  <Badge tone={r.status.tone}>{r.status.label}</Badge>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
