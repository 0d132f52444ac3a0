import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { isDomainError } from '@/lib/errors';
import { getCurrentPlan, getUnit, taskKey, type IndicatorDto, type TaskDto } from '@/lib/queries/plan';

async function load(id: string) {
  const plan = await getCurrentPlan();
  if (!/^\d{1,9}$/.test(id)) notFound();
  try {
    return await getUnit(plan.id, Number(id));
  } catch (error) {
    if (isDomainError(error)) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: (await load((await params).id)).name };
}

export default async function UnitPage({ params }: { params: Promise<{ id: string }> }) {
  const [t, tt, locale] = await Promise.all([getTranslations('units'), getTranslations('tasks'), getLocale()]);
  const unit = await load((await params).id);
  const taskLabel = (task: TaskDto) => (task.isOrganisation ? tt('orgNo', { no: task.no }) : tt('taskNo', { no: task.no }));
  const viaGroup = (task: TaskDto) => {
    const direct = [...task.lead, ...task.responsible].some((p) => p.unit?.id === unit.id);
    const group = [...task.lead, ...task.responsible].find((p) => p.groupId !== null && unit.groups.includes(p.label));
    return !direct && group ? t('viaGroup', { group: group.label }) : '';
  };
  const taskItems = (tasks: TaskDto[]) =>
    tasks.length ? (
      <ul className="space-y-1">
        {tasks.map((task) => (
          <li key={task.id}>
            <span className="num mr-2 text-slate-500">{taskLabel(task)}</span>
            <Link href={`/tasks/${taskKey(task)}`}>{task.title}</Link>
            <span className="ml-1 text-xs text-slate-500">{viaGroup(task)}</span>
          </li>
        ))}
      </ul>
    ) : (
      <p className="text-slate-500">{t('none')}</p>
    );
  const indicatorItems = (indicators: IndicatorDto[]) =>
    indicators.length ? (
      <ul className="list-inside list-disc space-y-1">
        {indicators.map((i) => (
          <li key={i.code}>
            <Link href={`/indicators/${i.code}`}>{locale === 'en' ? i.nameEn : i.name}</Link>
          </li>
        ))}
      </ul>
    ) : (
      <p className="text-slate-500">{t('none')}</p>
    );
  const block = (title: string, body: React.ReactNode) => (
    <section className="avoid-break rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="mb-2 font-semibold text-brand-900">{title}</h2>
      <div className="text-sm">{body}</div>
    </section>
  );
  return (
    <>
      <PageHeader
        title={unit.name}
        subtitle={`${t(`kind.${unit.kind}`)}${unit.groups.length ? ` · ${t('groups')}：${unit.groups.join('、')}` : ''}`}
        actions={<Link href="/units">{t('back')}</Link>}
      />
      <div className="grid gap-4 md:grid-cols-2">
        {block(`${t('leadTasks')}（${unit.leadTasks.length}）`, taskItems(unit.leadTasks))}
        {block(`${t('sharedTasks')}（${unit.sharedTasks.length}）`, taskItems(unit.sharedTasks))}
        {block(`${t('reportedIndicators')}（${unit.reportedIndicators.length}）`, indicatorItems(unit.reportedIndicators))}
        {block(`${t('breakdownIndicators')}（${unit.breakdownIndicators.length}）`, indicatorItems(unit.breakdownIndicators))}
      </div>
    </>
  );
}
