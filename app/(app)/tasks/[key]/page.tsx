import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PartyList } from '@/components/plan/party-list';
import { PageHeader } from '@/components/ui/page-header';
import { isDomainError } from '@/lib/errors';
import { sectionOrdinal, type Locale } from '@/lib/format';
import { getCurrentPlan, getTask, listIndicators, type TaskDto } from '@/lib/queries/plan';
import { requirePagePermission } from '@/lib/auth/current-actor';
import { OverdueSupervision } from '../../_supervision/overdue';

async function load(key: string) {
  const plan = await getCurrentPlan();
  try {
    return { plan, task: await getTask(plan.id, key) };
  } catch (error) {
    if (isDomainError(error)) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ key: string }> }): Promise<Metadata> {
  const { task } = await load((await params).key);
  return { title: task.title };
}

export default async function TaskPage({ params }: { params: Promise<{ key: string }> }) {
  const { actor } = await requirePagePermission('dashboard.view');
  const [t, locale] = await Promise.all([getTranslations('tasks'), getLocale()]);
  const { plan, task } = await load((await params).key);
  const indicators = (await listIndicators(plan.id)).filter((i) => task.indicatorCodes.includes(i.code));
  const parties = (list: TaskDto['lead']) => list.map((p) => ({ label: p.label, unitId: p.unit?.id ?? null }));
  const label = task.isOrganisation ? t('orgNo', { no: sectionOrdinal(task.no, locale as Locale) }) : t('taskNo', { no: task.no });
  return (
    <>
      <PageHeader title={`${label} ${task.title}`} subtitle={task.section.title} actions={<Link href="/tasks">{t('back')}</Link>} />
      <OverdueSupervision actor={actor} about={{ taskId: task.id }} />
      <article className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="mb-2 text-sm font-semibold text-slate-500">{t('text')}</h2>
        <p className="leading-7">{task.text}</p>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 border-t border-slate-100 pt-4 text-sm">
          <dt className="font-semibold text-slate-600">{t('lead')}</dt>
          <dd><PartyList parties={parties(task.lead)} /></dd>
          <dt className="font-semibold text-slate-600">{t('responsible')}</dt>
          <dd><PartyList parties={parties(task.responsible)} /></dd>
          {indicators.length ? (
            <>
              <dt className="font-semibold text-slate-600">{t('indicators')}</dt>
              <dd>
                <ul className="list-inside list-disc">
                  {indicators.map((i) => (
                    <li key={i.code}>
                      <Link href={`/indicators/${i.code}`}>{locale === 'en' ? i.nameEn : i.name}</Link>
                      <span className="ml-2 text-slate-500">{i.sourceText}</span>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
        </dl>
      </article>
    </>
  );
}
