// Prints the scoring rule in force under the tables: every weight, so that a rank can be checked by hand.
import type { ScoringRule } from '@/lib/rankings/rule';

export function RuleNote({ rule, text }: { rule: ScoringRule; text: { title: string; indicator: (code: string, level: number, improvement: number) => string; improvement: string; discipline: string; tasks: string; missing: string } }) {
  return (
    <aside className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm text-slate-700" aria-label={text.title}>
      <h2 className="mb-2 font-semibold">{text.title}</h2>
      <ul className="list-disc space-y-1 pl-5">
        {rule.indicators.map((i) => (
          <li key={i.code}>{text.indicator(i.code, i.level, i.improvement)}</li>
        ))}
        <li>{text.improvement}</li>
        <li>{text.discipline}</li>
        <li>{text.tasks}</li>
        <li>{text.missing}</li>
      </ul>
    </aside>
  );
}
