export interface MilestoneRowView {
  year: number;
  target: string;
  planned: string;
  actual: string;
  outcome: string;
  outcomeTone: 'ok' | 'bad' | 'neutral';
  pace: string[];
}

const tones = { ok: 'text-green-800', bad: 'text-red-800', neutral: 'text-slate-600' };

export function MilestoneTable({
  rows,
  text,
}: {
  rows: MilestoneRowView[];
  text: { caption: string; year: string; target: string; planned: string; actual: string; outcome: string; pace: string };
}) {
  return (
    <div className="mb-6 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[640px] text-sm">
        <caption className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-left font-semibold text-brand-900">{text.caption}</caption>
        <thead className="text-left text-xs text-slate-500">
          <tr className="border-b border-slate-200">
            <th scope="col" className="px-3 py-2 font-medium">{text.year}</th>
            <th scope="col" className="px-3 py-2 font-medium">{text.target}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{text.planned}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{text.actual}</th>
            <th scope="col" className="px-3 py-2 font-medium">{text.outcome}</th>
            <th scope="col" className="px-3 py-2 font-medium">{text.pace}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.year} className="border-b border-slate-100 align-top last:border-0">
              <th scope="row" className="num px-3 py-2 text-left font-semibold">{r.year}</th>
              <td className="px-3 py-2">{r.target}</td>
              <td className="num px-3 py-2 text-right">{r.planned}</td>
              <td className="num px-3 py-2 text-right">{r.actual}</td>
              <td className={`px-3 py-2 font-medium ${tones[r.outcomeTone]}`}>{r.outcome}</td>
              <td className="num px-3 py-2 text-slate-700">
                {r.pace.map((p) => (
                  <div key={p}>{p}</div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
