// The bureau's actions on one unit's whole month: approve or return the submission at the version seen, extend the
// deadline, reopen the month, remind the unit. Also the header line that says where the month stands.
import { useLocale, useTranslations } from 'next-intl';
import { ActionForm, ReminderForm } from '@/components/review/review-forms';
import { STATUS_TONE } from '@/components/review/unit-review-items';
import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/locale';
import type * as review from '@/lib/actions/reporting-review';
import type { ReportFormDto } from '@/lib/queries/reporting/form';

/** Window, due date, who submitted when, and timeliness: the page header's subtitle. */
export function ReviewUnitSubtitle({ form }: { form: ReportFormDto }) {
  const t = useTranslations('reporting.review');
  const tr = useTranslations('reporting');
  const locale = toLocale(useLocale());
  const submission = form.submission;
  return (
    <>
      {tr(`window.${form.window.state}`)} · {t('due', { date: form.window.dueDate })} ·{' '}
      {submission?.submittedAt
        ? submission.submittedBy
          ? t('submittedAt', { by: submission.submittedBy, at: formatDateTime(submission.submittedAt, locale) })
          : t('submittedOn', { at: formatDateTime(submission.submittedAt, locale) })
        : t('notSubmitted')}
      {submission ? ` · ${tr(`timeliness.${submission.timeliness}`)}` : ''}
    </>
  );
}

/** The extension and reopening in force, with their reasons. */
export function ReviewUnitNotices({ form }: { form: ReportFormDto }) {
  const t = useTranslations('reporting.review');
  return (
    <>
      {form.window.extendedUntil ? (
        <p className="mb-2 text-sm text-slate-700">
          {t('extendedInfo', { date: form.window.extendedUntil, reason: form.window.extensionReason ?? '' })}
        </p>
      ) : null}
      {form.window.reopened ? (
        <p className="mb-2 text-sm text-slate-700">{t('reopenedInfo', { reason: form.window.reopenReason ?? '' })}</p>
      ) : null}
    </>
  );
}

/** Whole-month review and the deadline tools, side by side (not printed). */
export function ReviewUnitPanels({
  form,
  actions,
}: {
  form: ReportFormDto;
  actions: {
    approve: typeof review.approveSubmissionAction;
    return: typeof review.returnSubmissionAction;
    extend: typeof review.extendDeadlineAction;
    reopen: typeof review.reopenMonthAction;
    remind: typeof review.sendReminderAction;
  };
}) {
  const t = useTranslations('reporting.review');
  const tr = useTranslations('reporting');
  const status = form.submission?.status ?? 'none';
  const { month } = form;
  const unitId = form.unit.id;
  return (
    <div className="no-print mb-6 grid gap-4 md:grid-cols-2">
      <section aria-labelledby="whole-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="whole-title" className="mb-2 text-base font-semibold text-brand-900">
          {t('wholeTitle')} <Badge tone={STATUS_TONE[status]}>{tr(`status.${status}`)}</Badge>
        </h2>
        {form.submission ? (
          <div className="space-y-3">
            <ActionForm
              action={actions.approve}
              hidden={{ submissionId: form.submission.id, version: form.submission.version }}
              submit={t('approveAll')}
              done={t('approvedAll')}
              compact
            />
            <ActionForm
              action={actions.return}
              hidden={{ submissionId: form.submission.id, version: form.submission.version }}
              fields={[{ name: 'reason', label: t('reason') }]}
              submit={t('returnAll')}
              done={t('returnedAll')}
              tone="danger"
              compact
            />
          </div>
        ) : (
          <p className="text-sm text-slate-500">{t('notSubmitted')}</p>
        )}
      </section>
      <section aria-labelledby="deadline-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="deadline-title" className="mb-2 text-base font-semibold text-brand-900">
          {t('deadlineTitle')}
        </h2>
        <div className="space-y-3">
          <ActionForm
            action={actions.extend}
            hidden={{ unitId, month }}
            fields={[
              { name: 'until', label: t('until'), type: 'date' },
              { name: 'reason', label: t('reason') },
            ]}
            submit={t('extend')}
            done={t('extended2')}
            tone="secondary"
            compact
          />
          <ActionForm
            action={actions.reopen}
            hidden={{ unitId, month }}
            fields={[{ name: 'reason', label: t('reason') }]}
            submit={t('reopen')}
            done={t('reopenedDone')}
            tone="secondary"
            compact
          />
          {!form.submission?.firstSubmittedAt || status === 'returned' ? (
            <ReminderForm
              action={actions.remind}
              month={month}
              unitIds={[unitId]}
              label={t('remind')}
              unitNames={{ [unitId]: form.unit.name }}
            />
          ) : null}
        </div>
      </section>
    </div>
  );
}
