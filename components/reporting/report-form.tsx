'use client';
// The reporter's monthly form: one input per figure, breakdowns as compact grids with live sums checked against the
// total (indicator-block.tsx, breakdown-grid.tsx), a comment where a soft check asks for one, progress per task. Nothing typed is lost: the action echoes what was sent, the DOM keeps
// it (the form is submitted without React's reset), and a copy sits in sessionStorage until a save succeeds. A draft
// save answers without the page: the form draws the new versions, statuses and the month's badge itself (form-live.ts).
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { FormMessage } from '@/components/ui/field';
import { draftStorageKey } from '@/lib/reporting/entry-form';
import { WithdrawItem, WithdrawProvider, type WithdrawProps } from './withdraw';
import { ErrorSlot, fieldId, inputClass, StatusBadge } from './form-parts';
import { useLiveForm, type MonthFacts } from './form-live';
import { IndicatorBlock } from './indicator-block';
import { MonthStatusContext } from './month-state';
import { fill, type EntryFormProps, type EntryTask } from './types';

type LiveForm = ReturnType<typeof useLiveForm>;

/**
 * `lead`: what the page draws above the form (deadline, the month's badge, shared and registry-counted figures); it
 * sits inside the form's state so that the badge (month-state.tsx) follows a draft save.
 */
export function ReportForm(props: EntryFormProps & { withdraw?: WithdrawProps; monthFacts: MonthFacts; lead?: ReactNode }) {
  const live = useLiveForm(props);
  // A draft save moves the submission's version: a 撤回 right after it names the new one.
  const withdraw = props.withdraw ? { ...props.withdraw, version: Math.max(props.withdraw.version, live.submissionVersion) } : undefined;
  return (
    <MonthStatusContext.Provider value={live.status}>
      {props.lead}
      <WithdrawProvider withdraw={withdraw} month={props.month} text={props.text}>
        <EntryForm {...props} indicators={live.indicators} tasks={live.tasks} live={live} />
      </WithdrawProvider>
    </MonthStatusContext.Provider>
  );
}

function EntryForm(props: EntryFormProps & { live: LiveForm }) {
  const { text: t, labels } = props;
  const { state, formAction, pending } = props.live;
  const formRef = useRef<HTMLFormElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [restored, setRestored] = useState(false);
  const storageKey = draftStorageKey(props.unitId, props.month);

  // Belt and braces for a dropped connection: what was typed and not yet saved comes back, with a notice.
  useEffect(() => {
    const form = formRef.current;
    const saved = window.sessionStorage.getItem(storageKey);
    if (!form || !saved) return;
    let data: Record<string, string>;
    try {
      data = JSON.parse(saved) as Record<string, string>;
    } catch {
      return;
    }
    let changed = false;
    for (const [name, value] of Object.entries(data)) {
      const el = form.elements.namedItem(name);
      if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) && el.type !== 'hidden' && !('readOnly' in el && el.readOnly) && el.value !== value) {
        el.value = value;
        changed = true;
      }
    }
    if (changed) {
      // sessionStorage is only readable after mount (the server has none): syncing from it is what effects are for.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setTyped(data);
      setRestored(true);
    } else window.sessionStorage.removeItem(storageKey);
  }, [storageKey]);

  useEffect(() => {
    if (state.status === 'success') window.sessionStorage.removeItem(storageKey);
    // The buttons sit in a sticky bar at the bottom of a long form: the outcome is said right there, and focus moves
    // to it so that a screen reader reads it out.
    if (state.status !== 'idle') resultRef.current?.focus();
  }, [state, storageKey]);

  function remember(event: FormEvent<HTMLFormElement>) {
    const target = event.target as HTMLInputElement;
    if (!target.name || target.type === 'hidden') return;
    setTyped((previous) => {
      const next = { ...previous, [target.name]: target.value };
      window.sessionStorage.setItem(storageKey, JSON.stringify(next));
      return next;
    });
  }

  // Values filled by a paste into the grid count as typed: the live sums follow and a reload keeps them.
  function rememberFilled(values: Record<string, string>) {
    setTyped((previous) => {
      const next = { ...previous, ...values };
      window.sessionStorage.setItem(storageKey, JSON.stringify(next));
      return next;
    });
  }

  // Enter moves down a column, as in Excel (Shift+Enter up), instead of submitting the form half filled.
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    const nav = target.getAttribute('data-nav');
    if (event.key !== 'Enter' || !nav || event.nativeEvent.isComposing) return;
    event.preventDefault();
    const column = Array.from(event.currentTarget.querySelectorAll<HTMLInputElement>(`input[data-nav="${nav}"]:not([readonly])`));
    const next = column[column.indexOf(target as HTMLInputElement) + (event.shiftKey ? -1 : 1)];
    if (next) {
      next.focus();
      next.select();
    }
  }

  function discardRestored() {
    window.sessionStorage.removeItem(storageKey);
    window.location.reload();
  }

  // Submitted by hand so that React does not reset the form: on any failure every field keeps what was typed.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    props.live.submit(new FormData(event.currentTarget, submitter));
  }

  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const success = state.status === 'success' ? (state.data as { saved: { created: number; changed: number }; submitted: { submitted: number } | null }) : null;
  // Buttons only where something can be typed: a closed or approved month is read only.
  const anyEditable = props.indicators.some((i) => i.items.some((x) => x.editable)) || props.tasks.some((x) => x.editable);
  const conflict = state.status === 'error' && /已被|Changed by/.test(state.message ?? '');

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} onInput={remember} onChange={remember} onKeyDown={onKeyDown} noValidate aria-label={t.title} className="report-form">
      <input type="hidden" name="month" value={props.month} />
      {restored ? (
        <div role="status" className="no-print mb-4 flex flex-wrap items-center gap-3 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <span>{t.restored}</span>
          <button type="button" onClick={discardRestored} className="underline">
            {t.discard}
          </button>
        </div>
      ) : null}
      <div className="space-y-4">
        {props.indicators.map((indicator) => (
          <IndicatorBlock key={indicator.code} indicator={indicator} typed={typed} errors={errors} histories={props.histories} text={t} labels={labels} month={props.month} onFill={rememberFilled} />
        ))}
      </div>

      {props.tasks.length > 0 ? (
        <section aria-labelledby="tasks-title" className="mt-6">
          <h2 id="tasks-title" className="mb-2 text-lg font-semibold text-brand-900">
            {t.tasks}
          </h2>
          <div className="space-y-3">
            {props.tasks.map((task) => (
              <TaskBlock key={task.id} task={task} errors={errors} history={props.histories[`task:${task.id}`]} text={t} labels={labels} />
            ))}
          </div>
        </section>
      ) : null}

      {(props.canEdit && anyEditable) || state.status !== 'idle' ? (
        <div className="no-print sticky bottom-0 z-20 mt-6 border-t border-slate-200 bg-white/95 py-3" data-form-bar>
          <div ref={resultRef} tabIndex={-1} data-form-result className="outline-none">
            {state.status === 'error' ? (
              <div className="mb-2">
                <FormMessage tone="error" message={state.message} />
                {conflict ? (
                  <a href={`/report/${props.month}`} className="text-sm underline">
                    {t.reload}
                  </a>
                ) : null}
              </div>
            ) : null}
            {success ? (
              <FormMessage
                tone="success"
                message={success.submitted ? fill(t.submitted, { count: success.submitted.submitted }) : fill(t.saved, { created: success.saved.created, changed: success.saved.changed })}
              />
            ) : null}
          </div>
          {props.canEdit && anyEditable ? (
          <div className="flex flex-wrap gap-3">
          <button type="submit" name="intent" value="save" disabled={pending} className="rounded border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60">
            {t.save}
          </button>
          <button type="submit" name="intent" value="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 disabled:opacity-60">
            {t.submit}
          </button>
          </div>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}

function TaskBlock({ task, errors, history, text: t, labels }: { task: EntryTask; errors?: Record<string, string[]>; history?: React.ReactNode; text: Record<string, string>; labels: EntryFormProps['labels'] }) {
  const base = `tasks.${task.id}`;
  const status = task.current?.status ?? 'none';
  const progressErrors = errors?.[`${base}.progress`];
  const narrativeErrors = errors?.[`${base}.narrative`];
  const noteErrors = errors?.[`${base}.note`];
  return (
    <div className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4" data-task={task.id}>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">
          <span className="mr-1 text-slate-500">{task.no}.</span>
          {task.title}
          <span className="ml-2 text-xs font-normal text-slate-500">（{task.role === 'lead' ? t.leadTask : t.responsibleTask}）</span>
        </h3>
        <div className="flex items-center gap-2">
          <StatusBadge status={status} labels={labels.status} />
          {status === 'submitted' && task.current ? <WithdrawItem item={`t:${task.current.id}`} label={`${task.no}. ${task.title}`} /> : null}
          {history}
        </div>
      </div>
      {task.current?.returnReason ? <p className="mb-1 text-sm text-red-800">{fill(t.returnReason, { reason: task.current.returnReason })}</p> : null}
      {task.editable ? <input type="hidden" name={`${base}.version`} value={task.current?.version ?? 0} /> : null}
      {task.role === 'lead' ? (
        <div className="grid gap-2 sm:grid-cols-[12rem_1fr]">
          <div>
            <label htmlFor={fieldId(`${base}.progress`)} className="block text-xs text-slate-600">
              {t.progress}
            </label>
            <select
              id={fieldId(`${base}.progress`)}
              name={task.editable ? `${base}.progress` : undefined}
              disabled={!task.editable}
              defaultValue={task.current?.progress ?? ''}
              aria-invalid={progressErrors?.length ? true : undefined}
              aria-describedby={`${fieldId(`${base}.progress`)}-error`}
              className={inputClass}
            >
              <option value="">{t.chooseProgress}</option>
              {Object.entries(labels.progress).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            <ErrorSlot id={`${fieldId(`${base}.progress`)}-error`} errors={progressErrors} />
          </div>
          <div>
            <label htmlFor={fieldId(`${base}.narrative`)} className="block text-xs text-slate-600">
              {t.narrative}
            </label>
            <textarea
              id={fieldId(`${base}.narrative`)}
              name={task.editable ? `${base}.narrative` : undefined}
              readOnly={!task.editable}
              rows={3}
              defaultValue={task.current?.narrative ?? ''}
              aria-invalid={narrativeErrors?.length ? true : undefined}
              aria-describedby={`${fieldId(`${base}.narrative`)}-error`}
              className={inputClass}
            />
            <ErrorSlot id={`${fieldId(`${base}.narrative`)}-error`} errors={narrativeErrors} />
          </div>
        </div>
      ) : (
        <div>
          <label htmlFor={fieldId(`${base}.note`)} className="block text-xs text-slate-600">
            {t.note}
          </label>
          <textarea
            id={fieldId(`${base}.note`)}
            name={task.editable ? `${base}.note` : undefined}
            readOnly={!task.editable}
            rows={2}
            defaultValue={task.current?.note ?? ''}
            aria-invalid={noteErrors?.length ? true : undefined}
            aria-describedby={`${fieldId(`${base}.note`)}-error`}
            className={inputClass}
          />
          <ErrorSlot id={`${fieldId(`${base}.note`)}-error`} errors={noteErrors} />
        </div>
      )}
    </div>
  );
}
