// The unit page's 任务分解 block: the unit's latest approved figure on each indicator it has a share of, against each
// milestone share in force (value / share, %). Only draws what it is given.
export interface UnitShareRowView {
  code: string;
  name: string;
  href: string;
  value: string;
  cells: { year: number; share: string; since: string; completion: string | null; tone: 'good' | 'warn' | 'none' }[];
}

export function UnitSharesTable({ rows, years, text }: { rows: UnitShareRowView[]; years: number[]; text: { caption: string; indicator: string; latest: string; share: (year: number) => string; completion: string; none: string } }) {
  const tones = { good: 'text-green-800', warn: 'text-amber-800', none: 'text-slate-500' };
  return (
    <section className="mb-6 overflow-x-auto rounded-lg border border-slate-200 bg-white" aria-labelledby="unit-shares-caption" data-testid="unit-shares">
      <table className="w-full min-w-[18rem] border-collapse text-sm">
        <caption id="unit-shares-caption" className="px-3 py-2 text-left font-semibold">
          {text.caption}
        </caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className="px-3 py-2 font-medium">{text.indicator}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{text.latest}</th>
            {years.map((y) => (
              <th key={y} scope="col" className="px-3 py-2 text-right font-medium">{text.share(y)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code} className="border-b border-slate-100" data-indicator={r.code}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <a href={r.href} className="text-brand-700 underline-offset-2 hover:underline">{r.name}</a>
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{r.value}</td>
              {years.map((y) => {
                const c = r.cells.find((x) => x.year === y);
                return (
                  <td key={y} className="px-3 py-2 text-right tabular-nums" data-year={y}>
                    {c ? (
                      <>
                        <span className="block">{c.share}</span>
                        <span className={`block text-xs ${tones[c.tone]}`}>{c.completion ? `${text.completion} ${c.completion}` : '—'}</span>
                        <span className="block text-xs text-slate-500">{c.since}</span>
                      </>
                    ) : (
                      <span className="text-xs text-slate-500">{text.none}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
