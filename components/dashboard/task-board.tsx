import { Link } from '@/components/ui/link';
import { PartyList, type PartyView } from '@/components/plan/party-list';
import { StatusBadge } from '@/components/dashboard/status-badge';
import type { ProgressStatus } from '@/lib/progress/types';

export interface TaskIndicatorView {
  code: string;
  href: string;
  name: string;
  value: string | null;
  status: ProgressStatus;
  statusLabel: string;
}

export interface TaskReportView {
  unit: string;
  month: string;
  progress: string | null;
  tone: 'ok' | 'warn' | 'done' | 'neutral';
  narrative: string | null;
}

export interface TaskBoardItem {
  key: string;
  label: string;
  title: string;
  href: string;
  lead: PartyView[];
  responsible: PartyView[];
  /** Worst of its indicators' statuses and its lead units' own reports (`taskStatus`); null with neither. */
  status: ProgressStatus | null;
  statusLabel: string;
  indicators: TaskIndicatorView[];
  reports: TaskReportView[];
}

export interface TaskBoardSection {
  id: string;
  title: string;
  tasks: TaskBoardItem[];
}

export interface TaskBoardText {
  lead: string;
  responsible: string;
  indicators: string;
  progress: string;
  noReport: string;
  empty: string;
}

const reportTones = {
  ok: 'bg-green-50 text-green-800 ring-green-300',
  warn: 'bg-amber-50 text-amber-900 ring-amber-400',
  done: 'bg-emerald-700 text-white ring-emerald-800',
  neutral: 'bg-slate-100 text-slate-700 ring-slate-300',
};

export function TaskBoard({ sections, text }: { sections: TaskBoardSection[]; text: TaskBoardText }) {
  if (sections.every((s) => s.tasks.length === 0)) return <p className="rounded-lg border border-slate-200 bg-white p-6 text-center text-slate-500">{text.empty}</p>;
  return (
    <>
      {sections
        .filter((s) => s.tasks.length)
        .map((section) => (
          <section key={section.id} className="mb-6 rounded-lg border border-slate-200 bg-white shadow-sm" aria-labelledby={`section-${section.id}`}>
            <h2 id={`section-${section.id}`} className="border-b border-slate-200 bg-slate-50 px-4 py-2 text-base font-semibold text-brand-900">
              {section.title}
            </h2>
            <ol className="divide-y divide-slate-100">
              {section.tasks.map((task) => (
                <li key={task.key} className="avoid-break px-4 py-3" data-task={task.key} data-task-status={task.status ?? 'none'}>
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <h3 className="min-w-0 font-medium">
                      <span className="num mr-2 text-sm font-normal text-slate-500">{task.label}</span>
                      <Link href={task.href}>{task.title}</Link>
                    </h3>
                    {task.status ? (
                      <StatusBadge status={task.status} label={task.statusLabel} />
                    ) : (
                      <span className="text-xs text-slate-500">{task.statusLabel}</span>
                    )}
                  </div>
                  <div className="mt-2 grid gap-3 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
                    <dl className="grid grid-cols-[auto_1fr] content-start gap-x-2 gap-y-0.5 text-sm">
                      <dt className="text-slate-500">{text.lead}</dt>
                      <dd>
                        <PartyList parties={task.lead} />
                      </dd>
                      <dt className="text-slate-500">{text.responsible}</dt>
                      <dd>
                        <PartyList parties={task.responsible} />
                      </dd>
                    </dl>
                    <div className="grid content-start gap-2 text-sm">
                      {task.indicators.length ? (
                        <ul aria-label={text.indicators} className="grid gap-1">
                          {task.indicators.map((i) => (
                            <li key={i.code} className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
                              <StatusBadge status={i.status} label={i.statusLabel} />
                              <Link href={i.href}>{i.name}</Link>
                              {i.value ? <span className="num text-slate-600">{i.value}</span> : null}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                      <div aria-label={text.progress} className="rounded bg-slate-50 px-2.5 py-1.5 text-slate-700">
                        {task.reports.length ? (
                          task.reports.map((r) => (
                            <p key={r.unit} className="leading-6">
                              <span className="mr-1.5 text-xs text-slate-500">
                                {r.unit} · {r.month}
                              </span>
                              {r.progress ? (
                                <span data-report-tone={r.tone} className={`mr-1.5 inline-flex rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset [print-color-adjust:exact] ${reportTones[r.tone]}`}>
                                  {r.progress}
                                </span>
                              ) : null}
                              {r.narrative}
                            </p>
                          ))
                        ) : (
                          <p className="text-xs text-slate-500">{text.noReport}</p>
                        )}
                      </div>
                    </div>
                  </div>
                </li>
              ))}
            </ol>
          </section>
        ))}
    </>
  );
}
