import { Link } from '@/components/ui/link';
import { StatusBadge } from '@/components/dashboard/status-badge';
import type { ProgressStatus } from '@/lib/progress/types';

export interface LinkView {
  label: string;
  href: string;
}

export interface BehindIndicatorView {
  code: string;
  name: string;
  href: string;
  status: ProgressStatus;
  statusLabel: string;
  /** "548家，计划 560家" */
  against: string;
  /** "差 12家（2.1%）" */
  gap: string;
  /** "自2026年3月起，8个月" */
  since: string;
  leads: LinkView[];
  tasks: LinkView[];
}

export interface BehindTaskView {
  key: string;
  label: string;
  title: string;
  href: string;
  status: ProgressStatus;
  statusLabel: string;
  why: string;
  leads: LinkView[];
}

export interface BehindListText {
  title: string;
  note: string;
  indicators: string;
  tasks: string;
  none: string;
  noneTasks: string;
  lead: string;
  inTasks: string;
  /** Between names: 、 or ", ". */
  sep?: string;
}

function Links({ items, sep = '、' }: { items: LinkView[]; sep?: string }) {
  // A flat list of links and separators (no wrapper per link: the overview repeats this some sixty times).
  return <>{items.flatMap((l, i) => [...(i > 0 ? [sep] : []), <Link key={i} href={l.href}>{l.label}</Link>])}</>;
}

/** The leader's list: what is behind, by how much, whose job it is. Lines are short so the list fits above the fold. */
export function BehindList({ indicators, tasks, text }: { indicators: BehindIndicatorView[]; tasks: BehindTaskView[]; text: BehindListText }) {
  return (
    <section aria-labelledby="behind" className="behind">
      <div className="behind-head">
        <h2 id="behind" className="sec-title">
          {text.title}
        </h2>
        <p className="text-xs text-slate-600">{text.note}</p>
      </div>
      <div className="grid gap-x-6 lg:grid-cols-[3fr_2fr] print:grid-cols-[3fr_2fr]">
        <div className="min-w-0 px-4 py-2">
          <h3 className="mb-1 text-sm font-semibold text-slate-700">{text.indicators}</h3>
          {indicators.length ? (
            <ol className="list" data-behind-indicators>
              {indicators.map((b) => (
                <li key={b.code} data-code={b.code}>
                  <p>
                    <StatusBadge status={b.status} label={b.statusLabel} />
                    <Link href={b.href}>{b.name}</Link>
                    <span className="gap-text">{b.gap}</span>
                  </p>
                  <p>{`${b.against} · ${b.since}`}</p>
                  <p>
                    {b.leads.length ? (
                      <>
                        <em>{text.lead}</em>
                        <Links items={b.leads} sep={text.sep} />
                      </>
                    ) : null}
                    {b.tasks.length ? (
                      <>
                        <em>{text.inTasks}</em>
                        <Links items={b.tasks} sep={text.sep} />
                      </>
                    ) : null}
                  </p>
                </li>
              ))}
            </ol>
          ) : (
            <p className="py-2 text-sm text-slate-600">{text.none}</p>
          )}
        </div>
        <div className="min-w-0 border-t border-slate-100 px-4 py-2 lg:border-l lg:border-t-0">
          <h3 className="mb-1 text-sm font-semibold text-slate-700">{text.tasks}</h3>
          {tasks.length ? (
            <ol className="list" data-behind-tasks>
              {tasks.map((t) => (
                <li key={t.key} data-task={t.key}>
                  <p>
                    <StatusBadge status={t.status} label={t.statusLabel} />
                    <small>{t.label}</small>
                    <Link href={t.href}>{t.title}</Link>
                  </p>
                  <p>{t.why}</p>
                  {t.leads.length ? (
                    <p>
                      <em>{text.lead}</em>
                      <Links items={t.leads} sep={text.sep} />
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : (
            <p className="py-2 text-sm text-slate-600">{text.noneTasks}</p>
          )}
        </div>
      </div>
    </section>
  );
}
