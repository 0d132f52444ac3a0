// The registry-counted figures of a unit's month, read-only: per slot the registry's count (linked to the list of
// firms behind it), the figure stored there and where it came from, and the difference whenever they disagree.
// Rendered beside the monthly form and the review of it; it draws what it is given.
import type { ReactNode } from 'react';
import { Link } from '@/components/ui/link';

export interface RegistryFiguresView {
  code: string;
  name: string;
  unit: string;
  ruleText: string;
  rows: { subjectUnitId: number; subjectName: string; registry: number; figure: { value: number; source: string; status: string } | null; difference: number | null; href: string }[];
}

const fmt = (n: number) => n.toLocaleString('zh-CN');

export function RegistryFigures({
  figures,
  text: t,
  labels,
  action,
  linked,
}: {
  figures: RegistryFiguresView[];
  text: Record<string, string>;
  labels: { source: Record<string, string>; status: Record<string, string> };
  action?: ReactNode;
  /** The counts link to the list only for viewers who may see every firm (a department's reporter sees none). */
  linked: boolean;
}) {
  if (figures.length === 0) return null;
  const disagreements = figures.reduce((n, f) => n + f.rows.filter((r) => r.difference !== null && r.difference !== 0).length, 0);
  return (
    <section aria-labelledby="registry-figures-title" className="mb-5 rounded-lg border border-sky-200 bg-sky-50/40 shadow-sm" data-registry-figures>
      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-sky-200 px-4 py-2">
        <div>
          <h2 id="registry-figures-title" className="text-base font-semibold text-brand-900">{t.title}</h2>
          <p className="text-xs text-slate-600">{t.hint}</p>
          {disagreements > 0 ? <p className="mt-1 text-sm font-medium text-amber-800" data-disagreements={disagreements}>{t.disagree.replace('{count}', String(disagreements))}</p> : null}
        </div>
        {action}
      </div>
      {figures.map((f) => (
        <div key={f.code} className="overflow-x-auto px-4 py-2">
          <h3 className="text-sm font-semibold text-slate-800">
            {f.name}（{f.unit}）<span className="ml-2 text-xs font-normal text-slate-500">{f.ruleText}</span>
          </h3>
          <table className="mt-1 w-full min-w-[480px] text-sm" data-registry-indicator={f.code}>
            <thead className="text-left text-xs text-slate-500">
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1 pr-3 font-medium">{t.subject}</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">{t.registry}</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">{t.figure}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t.source}</th>
                <th scope="col" className="py-1 text-right font-medium">{t.difference}</th>
              </tr>
            </thead>
            <tbody>
              {f.rows.map((r) => (
                <tr key={r.subjectUnitId} className="border-b border-slate-100 last:border-0" data-subject={r.subjectUnitId}>
                  <th scope="row" className="py-1 pr-3 text-left font-normal">{r.subjectName.replace(/管委会$/, '')}</th>
                  <td className="num py-1 pr-3 text-right font-semibold">
                    {linked ? (
                      <Link href={r.href} data-registry-count>
                        {fmt(r.registry)}
                      </Link>
                    ) : (
                      <span data-registry-count>{fmt(r.registry)}</span>
                    )}
                  </td>
                  <td className="num py-1 pr-3 text-right">{r.figure ? fmt(r.figure.value) : '—'}</td>
                  <td className="py-1 pr-3 text-xs text-slate-600">{r.figure ? `${labels.source[r.figure.source] ?? r.figure.source} · ${labels.status[r.figure.status] ?? r.figure.status}` : t.notStored}</td>
                  <td className={`num py-1 text-right ${r.difference ? 'font-semibold text-amber-800' : 'text-slate-500'}`} data-difference={r.difference ?? ''}>
                    {r.difference === null ? '—' : r.difference > 0 ? `+${fmt(r.difference)}` : fmt(r.difference)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
