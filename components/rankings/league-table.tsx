// Draws one league of the horse race: rank (ties marked), unit, points, movement; each row opens (no JavaScript:
// <details>) to the points it got on each item and why.
import type { RankedRow } from '@/lib/rankings/rank';

export interface LeagueText {
  title: string;
  rank: string;
  unit: string;
  points: string;
  movement: string;
  tied: string;
  explain: string;
  item: (item: string, part: string) => string;
  reason: (reason: string, facts: Record<string, number | null>) => string;
}

function Movement({ value }: { value: number | null }) {
  if (value === null || value === 0) return <span className="text-slate-500">—</span>;
  return value > 0 ? <span className="text-green-700">↑{value}</span> : <span className="text-red-700">↓{-value}</span>;
}

export function LeagueTable({ rows, text, id }: { rows: RankedRow[]; text: LeagueText; id: string }) {
  return (
    <section className="mb-8" aria-labelledby={id}>
      <h2 id={id} className="mb-2 text-lg font-semibold text-brand-900">
        {text.title}
      </h2>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left">
            <tr>
              <th scope="col" className="px-3 py-2">{text.rank}</th>
              <th scope="col" className="px-3 py-2">{text.unit}</th>
              <th scope="col" className="px-3 py-2 text-right">{text.points}</th>
              <th scope="col" className="px-3 py-2 text-right">{text.movement}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.unitId} className="border-t border-slate-100 align-top" data-unit={row.name}>
                <td className="px-3 py-2 whitespace-nowrap">
                  {row.rank}
                  {row.tied ? <span className="ml-1 rounded bg-slate-100 px-1 text-xs text-slate-700">{text.tied}</span> : null}
                </td>
                <td className="px-3 py-2">
                  <details>
                    <summary className="cursor-pointer">{row.name}</summary>
                    <div className="mt-2 text-xs text-slate-700">
                      <p className="mb-1 font-medium">{text.explain}</p>
                      <ul className="space-y-1">
                        {row.lines.map((line) => (
                          <li key={`${line.item}-${line.part}`}>
                            <span className="font-medium">{text.item(line.item, line.part)}</span>: {line.points} / {line.max} — {text.reason(line.reason, line.facts)}
                          </li>
                        ))}
                      </ul>
                    </div>
                  </details>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {row.total} <span className="text-slate-400">/ {row.max}</span>
                </td>
                <td className="px-3 py-2 text-right">
                  <Movement value={row.movement} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
