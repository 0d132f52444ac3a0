import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { reviewMonth, reviewSession, type SearchParams } from '@/app/(app)/review/_lib/support';
import { ReviewIndicator, ReviewTask } from '@/components/review/unit-review-items';
import { ReviewUnitNotices, ReviewUnitPanels, ReviewUnitSubtitle } from '@/components/review/unit-review-panels';
import { PageHeader } from '@/components/ui/page-header';
import {
  approveSubmissionAction,
  approveTaskReportsAction,
  approveValuesAction,
  extendDeadlineAction,
  reopenMonthAction,
  sendReminderAction,
  returnSubmissionAction,
  returnTaskReportAction,
  returnValueAction,
  unlockTaskReportAction,
  unlockValueAction,
} from '@/lib/actions/reporting-review';
import { NotFoundError } from '@/lib/errors';
import { formatMonth } from '@/lib/format';
import { getReportForm } from '@/lib/queries/reporting/form';
import { listTaskReportEvents, listValueEvents } from '@/lib/queries/reporting/history';
import { RegistryFiguresSection } from '@/app/(app)/_registry/sections';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reporting.review'))('title') };
}

const valueActions = { approve: approveValuesAction, return: returnValueAction, unlock: unlockValueAction };
const taskActions = {
  approve: approveTaskReportsAction,
  return: returnTaskReportAction,
  unlock: unlockTaskReportAction,
};
const wholeActions = {
  approve: approveSubmissionAction,
  return: returnSubmissionAction,
  extend: extendDeadlineAction,
  reopen: reopenMonthAction,
  remind: sendReminderAction,
};

export default async function ReviewUnitPage({
  params,
  searchParams,
}: {
  params: Promise<{ unitId: string }>;
  searchParams: SearchParams;
}) {
  const { actor, t, locale, forbidden } = await reviewSession('figure.review', `/review/${(await params).unitId}`);
  if (forbidden) return forbidden;
  const [{ unitId: rawId }, query] = await Promise.all([params, searchParams]);
  const unitId = Number(rawId);
  if (!Number.isSafeInteger(unitId) || unitId < 1) notFound();
  const { month } = reviewMonth(query.month);
  let form;
  try {
    form = await getReportForm(actor, { month, unitId });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const valueIds = form.indicators.flatMap((i) => i.items.flatMap((item) => (item.current ? [item.current.id] : [])));
  const taskIds = form.tasks.flatMap((task) => (task.current ? [task.current.id] : []));
  const [valueHistories, taskHistories] = await Promise.all([
    listValueEvents(actor, valueIds),
    listTaskReportEvents(actor, taskIds),
  ]);

  return (
    <>
      <PageHeader
        title={t('unitTitle', { unit: form.unit.name, month: formatMonth(month, locale) })}
        subtitle={<ReviewUnitSubtitle form={form} />}
        actions={<Link href={`/review?month=${month}`}>{t('back')}</Link>}
      />
      <ReviewUnitNotices form={form} />
      <ReviewUnitPanels form={form} actions={wholeActions} />
      <RegistryFiguresSection actor={actor} reporterUnitId={unitId} month={month} canFill={false} />

      <section aria-labelledby="indicators-title" className="mb-6">
        <h2 id="indicators-title" className="mb-2 text-lg font-semibold text-brand-900">
          {t('indicatorsTitle')}
        </h2>
        {form.indicators.map((indicator) => (
          <ReviewIndicator
            key={indicator.code}
            indicator={indicator}
            histories={valueHistories}
            actions={valueActions}
            jumpThresholdPercent={form.jumpThresholdPercent}
          />
        ))}
      </section>

      {form.tasks.length ? (
        <section aria-labelledby="tasks-title" className="mb-6">
          <h2 id="tasks-title" className="mb-2 text-lg font-semibold text-brand-900">
            {t('tasksTitle')}
          </h2>
          <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
            {form.tasks.map((task) => (
              <ReviewTask key={task.id} task={task} histories={taskHistories} actions={taskActions} />
            ))}
          </div>
        </section>
      ) : null}
    </>
  );
}
