// Each unit's monthly word on a task over time: one row per month, one column per unit (lead units first), so lead and
// responsible units read side by side. Wide tables scroll inside their own box on a phone.
export interface TaskHistoryCell {
  progress: string | null;
  tone: 'ok' | 'warn' | 'done' | 'neutral';
  text: string | null;
}

export interface TaskHistoryView {
  units: { id: number; name: string; role: string }[];
  rows: { month: string; cells: (TaskHistoryCell | null)[] }[];
}

const tones = {
  ok: 'bg-green-50 text-green-800 ring-green-300',
  warn: 'bg-amber-50 text-amber-900 ring-amber-400',
  done: 'bg-emerald-700 text-white ring-emerald-800',
  neutral: 'bg-slate-100 text-slate-700 ring-slate-300',
};

export function TaskHistory({ view, text }: { view: TaskHistoryView; text: { caption: string; month: string; none: string; empty: string } }) {
  if (view.rows.length === 0) return <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">{text.empty}</p>;
  return (
    // A short history prints whole (not its header alone at the foot of a sheet); a long one breaks between rows.
    <div className={`${view.rows.length <= 8 ? 'avoid-break ' : ''}overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm`}>
      <table className="w-full min-w-[480px] text-sm" data-task-history>
        <caption className="sr-only">{text.caption}</caption>
        <thead className="bg-slate-50 text-left text-xs text-slate-600">
          <tr>
            <th scope="col" className="whitespace-nowrap px-3 py-2">
              {text.month}
            </th>
            {view.units.map((u) => (
              <th key={u.id} scope="col" className="px-3 py-2">
                {u.name}
                <span className="ml-1 font-normal text-slate-500">{u.role}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {view.rows.map((row) => (
            <tr key={row.month} className="avoid-break">
              <th scope="row" className="num whitespace-nowrap px-3 py-2 text-left font-medium">
                {row.month}
              </th>
              {row.cells.map((c, i) => (
                <td key={view.units[i].id} className="min-w-[12rem] px-3 py-2 leading-6">
                  {c ? (
                    <>
                      {c.progress ? (
                        <span data-report-tone={c.tone} className={`mr-1.5 inline-flex rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset [print-color-adjust:exact] ${tones[c.tone]}`}>
                          {c.progress}
                        </span>
                      ) : null}
                      {c.text}
                    </>
                  ) : (
                    <span className="text-slate-500">{text.none}</span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
