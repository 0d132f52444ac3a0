import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { entryText } from '@/app/(app)/report/_lib/entry-text';
import { Forbidden } from '@/components/ui/forbidden';
import { ReminderBanner } from '@/components/reporting/reminder-banner';
import { ReportForm } from '@/components/reporting/report-form';
import { fill, type EntryIndicator, type EntryTask } from '@/components/reporting/types';
import { ValueHistory, type HistoryEvent } from '@/components/reporting/value-history';
import { Badge } from '@/components/ui/badge';
import { MonthState } from '@/components/reporting/month-state';
import { PageHeader } from '@/components/ui/page-header';
import { markRemindersSeenAction, saveReportAction, withdrawAction } from '@/lib/actions/reporting-entry';
import { requireSession } from '@/lib/auth/current-actor';
import { refusePage } from '@/lib/gate/page';
import { ForbiddenError, isDomainError } from '@/lib/errors';
import { formatDateTime, formatMonth } from '@/lib/format';
import { isMonth } from '@/lib/periods';
import { can } from '@/lib/permissions';
import { getReportForm } from '@/lib/queries/reporting/form';
import { listTaskReportEvents, listValueEvents, type ValueEventDto } from '@/lib/queries/reporting/history';
import type { Actor } from '@/lib/actor';
import { RegistryFiguresSection } from '@/app/(app)/_registry/sections';
import { getRegistryFigures } from '@/lib/queries/registry/derived';
import { scopedFirms } from '@/lib/queries/registry/scope';

/** A registry-counted slot is never typed: not editable here, with the registry's count beside what is stored. */
function registryItem(counts: Map<number, { count: number; href: string | null }> | undefined, subjectId: number): { editable?: false; registry?: { count: number; href: string | null } } {
  const registry = counts?.get(subjectId);
  return registry ? { editable: false, registry } : {};
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reporting'))('entry.title') };
}

function toEvents(events: ValueEventDto[], locale: 'zh-CN' | 'en'): HistoryEvent[] {
  return events.map((e) => ({ id: e.id, action: e.action, at: formatDateTime(e.at, locale), actor: e.actor, oldValue: e.oldValue, newValue: e.newValue, comment: e.comment, reason: e.reason }));
}

/** Histories of every stored figure and task report on the form (one query each), permission-checked by the query. */
async function histories(actor: Actor, valueIds: [string, number][], taskIds: [string, number][]) {
  const [valueEvents, taskEvents] = await Promise.all([
    listValueEvents(actor, valueIds.map(([, id]) => id)),
    listTaskReportEvents(actor, taskIds.map(([, id]) => id)),
  ]);
  const values = valueIds.map(([key, id]) => [key, valueEvents.get(id) ?? []] as const);
  const tasks = taskIds.map(([key, id]) => [key, taskEvents.get(id) ?? []] as const);
  return [...values, ...tasks];
}

export default async function ReportMonthPage({ params }: { params: Promise<{ month: string }> }) {
  const session = await requireSession();
  const { month } = await params;
  if (!isMonth(month)) notFound();
  const { locale, text, labels, validation } = await entryText();
  const actor = session.actor;
  // The unit is the session's; a reporter never names one.
  if (!can(actor, 'figure.enter', { unitId: actor.unitId }) || actor.unitId === null) return refusePage(actor, { permission: 'figure.enter', path: `/report/${month}` }, { title: text.title, message: actor.unitId === null ? text.noUnit : text.forbidden });

  let form;
  try {
    form = await getReportForm(actor, { month });
  } catch (error) {
    if (error instanceof ForbiddenError) return refusePage(actor, { permission: 'figure.enter', path: `/report/${month}`, reason: error.messageEn }, { title: text.title, message: locale === 'en' ? error.messageEn : error.message });
    if (isDomainError(error)) return <Forbidden title={text.title} message={locale === 'en' ? error.messageEn : error.message} />;
    throw error;
  }

  // Registry-counted indicators: each slot read only, the month's count linked to the firms behind it.
  const [registryFigures, listable] = await Promise.all([getRegistryFigures(actor, { reporterUnitId: form.unit.id, month: form.month }), scopedFirms(actor)]);
  const registryOf = new Map(registryFigures.map((f) => [f.code, new Map(f.rows.map((r) => [r.subjectUnitId, { count: r.comparison.registry, href: listable ? r.href : null }]))]));
  const indicators: EntryIndicator[] = form.indicators.map((i) => ({
    code: i.code,
    name: locale === 'en' && i.nameEn ? i.nameEn : i.name,
    unit: i.unit,
    decimals: i.decimals,
    kind: i.kind,
    lagged: i.lagged,
    milestones: i.milestones.map((m) => ({ year: m.year, text: m.text })),
    registryCounted: registryOf.has(i.code),
    items: i.items.map((item) => ({ ...item, ...registryItem(registryOf.get(i.code), item.subject.id), current: item.current ? { id: item.current.id, text: item.current.text, status: item.current.status, version: item.current.version, comment: item.current.comment, warnings: item.current.warnings, returnReason: item.current.returnReason } : null })),
    groups: i.groups.map((g) => ({ id: g.id, name: g.name, total: g.total, coverage: g.coverage })),
  }));
  const tasks: EntryTask[] = form.tasks.map((task) => ({ ...task, current: task.current ? { id: task.current.id, progress: task.current.progress, narrative: task.current.narrative, note: task.current.note, status: task.current.status, version: task.current.version, returnReason: task.current.returnReason } : null }));

  const loaded = await histories(
    actor,
    form.indicators.flatMap((i) => i.items.filter((x) => x.current).map((x) => [x.key, x.current!.id] as [string, number])),
    form.tasks.filter((x) => x.current).map((x) => [`task:${x.id}`, x.current!.id] as [string, number]),
  );
  const historyNodes = Object.fromEntries(loaded.map(([key, events]) => [key, <ValueHistory key={key} events={toEvents(events, locale)} summary={text.history} empty={text.historyEmpty} actionLabels={labels.event} />]));

  const w = form.window;
  const windowTone = w.state === 'open' || w.state === 'reopened' ? 'info' : w.state === 'closed' ? 'bad' : 'neutral';
  // The month's badge and completeness line, and what they derive from: a draft save moves them in the browser.
  const monthFacts = { facts: form.stateFacts, status: { state: form.state, submission: form.submission?.status ?? 'none', entered: form.completeness.entered, required: form.completeness.required } };
  const awaitingReview = form.indicators.reduce((n, i) => n + i.items.filter((x) => x.current?.status === 'submitted').length, 0) + form.tasks.filter((x) => x.current?.status === 'submitted').length;
  const mayWithdraw = can(actor, 'figure.submit', { unitId: actor.unitId }) && form.submission !== null && (w.state === 'open' || w.state === 'reopened');

  return (
    <>
      <PageHeader
        title={text.title}
        subtitle={fill(text.subtitle, { unit: form.unit.name, month: formatMonth(form.month, locale) })}
        actions={
          <div className="no-print flex flex-wrap gap-2 text-sm">
            <Link href={`/report/${form.month}/import`} className="rounded border border-slate-300 bg-white px-3 py-1.5">
              {text.import}
            </Link>
            <a href={`/api/reporting/template?month=${form.month}`} className="rounded border border-slate-300 bg-white px-3 py-1.5" download>
              {text.template}
            </a>
            <a href={`/api/reporting/export?month=${form.month}&format=xlsx`} className="rounded border border-slate-300 bg-white px-3 py-1.5" download>
              {text.export}
            </a>
          </div>
        }
      />
      <ReminderBanner
        title={text.reminders}
        markSeen={markRemindersSeenAction}
        reminders={form.reminders.map((r) => ({ id: r.id, message: r.message, line: fill(r.kind === 'returned' ? text.returnLine : text.reminderLine, { by: r.sentBy, at: formatDateTime(r.sentAt, locale), month: formatMonth(r.month, locale) }) }))}
      />
      <ReportForm
        lead={
          <>
          <section aria-label={text.due.replace(/[:：].*/, '')} className="mb-4 flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-white px-3 py-2 text-sm" data-deadline>
            <Badge tone={windowTone}>{labels.window[w.state]}</Badge>
            <span>{fill(text.due, { date: w.dueDate })}</span>
            {w.extendedUntil ? <span>{fill(text.extended, { date: w.extendedUntil, reason: w.extensionReason ?? '' })}</span> : null}
            {w.reopened ? <span>{fill(text.reopened, { reason: w.reopenReason ?? '' })}</span> : null}
            <MonthState initial={monthFacts.status} labels={labels.state} completeness={text.completeness} />
            {w.state === 'closed' ? <span className="text-red-800">{text.closedNote}</span> : null}
          </section>
          {form.shared.length > 0 ? (
            <p className="mb-4 text-xs text-slate-600">
              {text.shared}
              {form.shared.map((s) => `${s.name}（${s.reportedBy?.name ?? '—'}）`).join('；')}
            </p>
          ) : null}
          <RegistryFiguresSection actor={actor} reporterUnitId={form.unit.id} month={form.month} canFill={form.viewer.canEdit} />
          </>
        }
        monthFacts={monthFacts}
        action={saveReportAction}
        unitId={form.unit.id}
        month={form.month}
        indicators={indicators}
        tasks={tasks}
        canEdit={form.viewer.canEdit}
        canSubmit={form.viewer.canSubmit}
        withdraw={mayWithdraw ? { action: withdrawAction, version: form.submission!.version, submittedCount: awaitingReview } : undefined}
        histories={historyNodes}
        text={text}
        labels={{ ...labels, validation, warning: Object.fromEntries(Object.entries(labels.warning).map(([k, v]) => [k, fill(v, { percent: form.jumpThresholdPercent })])) }}
      />
    </>
  );
}
