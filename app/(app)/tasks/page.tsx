import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { TaskList, type TaskSectionView } from '@/components/plan/task-list';
import { PageHeader } from '@/components/ui/page-header';
import { sectionOrdinal, type Locale } from '@/lib/format';
import { getCurrentPlan, listTasks, type TaskDto } from '@/lib/queries/plan';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tasks'))('title') };
}

export default async function TasksPage() {
  const [t, locale] = await Promise.all([getTranslations('tasks'), getLocale() as Promise<Locale>]);
  const chineseOrdinal = (n: number) => sectionOrdinal(n, locale);
  const plan = await getCurrentPlan();
  const tasks = await listTasks(plan.id);
  const parties = (list: TaskDto['lead']) => list.map((p) => ({ label: p.label, unitId: p.unit?.id ?? null }));
  const sections = new Map<string, TaskSectionView>();
  for (const task of tasks) {
    const id = `${task.section.kind}-${task.section.no}`;
    const title = task.isOrganisation ? task.section.title : t('section', { no: chineseOrdinal(task.section.no), title: task.section.title });
    const section = sections.get(id) ?? { id, title, tasks: [] };
    section.tasks.push({
      key: task.key,
      label: task.isOrganisation ? t('orgNo', { no: chineseOrdinal(task.no) }) : t('taskNo', { no: task.no }),
      title: task.title,
      lead: parties(task.lead),
      responsible: parties(task.responsible),
    });
    sections.set(id, section);
  }
  const keyTasks = tasks.filter((x) => !x.isOrganisation).length;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('count', { tasks: keyTasks, org: tasks.length - keyTasks })} />
      <TaskList sections={[...sections.values()]} text={{ lead: t('lead'), responsible: t('responsible') }} />
    </>
  );
}

