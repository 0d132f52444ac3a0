import Link from 'next/link';
import { PartyList, type PartyView } from '@/components/plan/party-list';

export interface TaskItemView {
  key: string;
  label: string;
  title: string;
  lead: PartyView[];
  responsible: PartyView[];
}

export interface TaskSectionView {
  id: string;
  title: string;
  tasks: TaskItemView[];
}

export function TaskList({ sections, text }: { sections: TaskSectionView[]; text: { lead: string; responsible: string } }) {
  return (
    <>
      {sections.map((section) => (
        <section key={section.id} className="mb-6 rounded-lg border border-slate-200 bg-white shadow-sm" aria-labelledby={`section-${section.id}`}>
          <h2 id={`section-${section.id}`} className="border-b border-slate-200 bg-slate-50 px-4 py-2 text-base font-semibold text-brand-900">
            {section.title}
          </h2>
          <ol className="divide-y divide-slate-100">
            {section.tasks.map((task) => (
              <li key={task.key} className="avoid-break px-4 py-3">
                <div className="flex gap-3">
                  <span className="num w-20 shrink-0 text-sm text-slate-500">{task.label}</span>
                  <div className="min-w-0">
                    <Link href={`/tasks/${task.key}`} className="font-medium">
                      {task.title}
                    </Link>
                    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-sm">
                      <dt className="text-slate-500">{text.lead}</dt>
                      <dd><PartyList parties={task.lead} /></dd>
                      <dt className="text-slate-500">{text.responsible}</dt>
                      <dd><PartyList parties={task.responsible} /></dd>
                    </dl>
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
