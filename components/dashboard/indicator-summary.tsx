import type { ReactNode } from 'react';
import { StatusBadge } from '@/components/dashboard/status-badge';
import type { ProgressStatus } from '@/lib/progress/types';

export interface IndicatorSummaryView {
  status: ProgressStatus;
  statusLabel: string;
  value: string | null;
  month: string | null;
  flags: string[];
  noData: string;
  planned: string | null;
  ofPlan: string | null;
  changes: string[];
  pendingNote: string | null;
  next: { title: string; target: string | null; share: { text: string; ratio: number } | null; lines: string[] };
  projection: { title: string; lines: string[] };
  facts: { title: string; items: { label: string; value: ReactNode }[]; colon: string };
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="avoid-break min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="mb-2 text-sm font-semibold text-slate-500">{title}</h2>
      {children}
    </section>
  );
}

/** The indicator's headline numbers, in text (they do not depend on the chart). */
export function IndicatorSummary({ view, statusTitle, latestTitle, plannedTitle }: { view: IndicatorSummaryView; statusTitle: string; latestTitle: string; plannedTitle: string }) {
  return (
    <div className="mb-6 grid gap-3 md:grid-cols-2 xl:grid-cols-4 print:grid-cols-2">
      <Panel title={statusTitle}>
        <StatusBadge status={view.status} label={view.statusLabel} size="md" />
        <dl className="mt-3 grid gap-1 text-sm">
          <dt className="text-xs text-slate-500">{latestTitle}</dt>
          <dd>
            {view.value ? (
              <>
                <span className="num text-xl font-semibold">{view.value}</span>
                <span className="ml-1.5 text-xs text-slate-500">{view.month}</span>
                {view.flags.map((f) => (
                  <span key={f} className="ml-1 rounded bg-slate-100 px-1 text-xs text-slate-600">
                    {f}
                  </span>
                ))}
              </>
            ) : (
              <span className="text-slate-500">{view.noData}</span>
            )}
          </dd>
          {view.planned ? (
            <>
              <dt className="text-xs text-slate-500">{plannedTitle}</dt>
              <dd className="num">
                {view.planned}
                {view.ofPlan ? <span className="ml-1.5 text-xs text-slate-600">{view.ofPlan}</span> : null}
              </dd>
            </>
          ) : null}
        </dl>
        {view.changes.length ? <p className="num mt-2 text-xs text-slate-600">{view.changes.join('　')}</p> : null}
        {view.pendingNote ? <p className="mt-1 text-xs text-amber-800">{view.pendingNote}</p> : null}
      </Panel>
      <Panel title={view.next.title}>
        {view.next.target ? <p className="font-medium">{view.next.target}</p> : null}
        {view.next.share ? (
          <>
            <div className="mt-2 h-2 w-full overflow-hidden rounded bg-slate-100 [print-color-adjust:exact]" aria-hidden="true">
              <div className="h-full rounded bg-brand-600" style={{ width: `${Math.max(0, Math.min(1, view.next.share.ratio)) * 100}%` }} />
            </div>
            <p className="num mt-1 text-sm text-slate-700">{view.next.share.text}</p>
          </>
        ) : null}
        <ul className="mt-2 space-y-0.5 text-sm text-slate-700">
          {view.next.lines.map((l) => (
            <li key={l} className="num">
              {l}
            </li>
          ))}
        </ul>
      </Panel>
      <Panel title={view.projection.title}>
        <ul className="space-y-0.5 text-sm text-slate-700">
          {view.projection.lines.map((l) => (
            <li key={l} className="num">
              {l}
            </li>
          ))}
        </ul>
      </Panel>
      <Panel title={view.facts.title}>
        <dl className="grid gap-1 text-sm">
          {view.facts.items.map((item) => (
            <div key={item.label}>
              <dt className="inline text-slate-500">
                {item.label}
                {view.facts.colon}
              </dt>
              <dd className="inline">{item.value}</dd>
            </div>
          ))}
        </dl>
      </Panel>
    </div>
  );
}
