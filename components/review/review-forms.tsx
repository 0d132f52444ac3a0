'use client';
// The bureau's review forms. Each carries what it acts on in hidden fields (the id and the version the reviewer saw),
// so an approval of a figure the unit changed meanwhile fails with the domain's "已被 X 于 T 修改".
import { useActionState, useId } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage, SubmitButton } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/action-state';

type FormAction<T> = (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

interface ExtraField {
  name: string;
  label: string;
  type?: 'text' | 'date' | 'number';
  hint?: string;
  defaultValue?: string;
  required?: boolean;
}

/**
 * One button (and optionally a reason or a date) bound to one server action. Validation errors show under their
 * field; domain errors (conflicts, forbidden) above the button.
 */
export function ActionForm<T>({
  action,
  hidden,
  fields = [],
  submit,
  done,
  tone = 'primary',
  compact = false,
  describeSuccess,
}: {
  action: FormAction<T>;
  hidden: Record<string, string | number | (string | number)[]>;
  fields?: ExtraField[];
  submit: string;
  done: string;
  tone?: 'primary' | 'danger' | 'secondary';
  compact?: boolean;
  describeSuccess?: (data: T) => string;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ActionState<T>);
  const prefix = useId();
  const successMessage = state.status === 'success' ? (describeSuccess && state.data !== undefined ? describeSuccess(state.data) : done) : undefined;
  return (
    <form action={formAction} className={compact ? 'flex flex-wrap items-start gap-2' : 'space-y-2'}>
      {Object.entries(hidden).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((v) => <input key={`${name}-${v}`} type="hidden" name={name} value={String(v)} />),
      )}
      {fields.map((field) => {
        const id = `${prefix}-${field.name}`;
        const errors = state.fieldErrors?.[field.name];
        return (
          <div key={field.name} className={compact ? 'min-w-[12rem] flex-1' : ''}>
            <label htmlFor={id} className={compact ? 'sr-only' : 'mb-1 block text-sm font-medium text-slate-700'}>
              {field.label}
            </label>
            <input
              id={id}
              name={field.name}
              type={field.type ?? 'text'}
              required={field.required ?? true}
              placeholder={compact ? field.label : undefined}
              defaultValue={(state.values?.[field.name] as string | undefined) ?? field.defaultValue}
              aria-invalid={errors?.length ? true : undefined}
              aria-describedby={`${id}-error`}
              className="w-full rounded border border-slate-300 px-2 py-1.5 text-sm focus:border-brand-600 focus:outline-none aria-[invalid]:border-red-500"
            />
            {field.hint && !compact ? <p className="mt-1 text-xs text-slate-500">{field.hint}</p> : null}
            <div id={`${id}-error`} aria-live="polite" className="text-xs text-red-700">
              {errors?.map((e) => <p key={e}>{e}</p>)}
            </div>
          </div>
        );
      })}
      <SubmitButton pending={pending} tone={tone}>
        {submit}
      </SubmitButton>
      <div className="basis-full empty:hidden" aria-live="polite">
        {state.status === 'error' ? <FormMessage tone="error" message={state.message} /> : null}
        {successMessage ? <FormMessage tone="success" message={successMessage} /> : null}
      </div>
    </form>
  );
}

type ItemKind = 'value' | 'task';

/** 审核通过 / 退回 / 解锁 for one figure or task report, at the version the reviewer saw. */
export function ItemReviewForms({
  kind,
  id,
  version,
  status,
  actions,
}: {
  kind: ItemKind;
  id: number;
  version: number;
  status: string;
  actions: { approve: FormAction<void>; return: FormAction<void>; unlock: FormAction<void> };
}) {
  const t = useTranslations('reporting.review');
  const idKey = kind === 'value' ? 'valueId' : 'taskReportId';
  const reason = { name: 'reason', label: t('reason'), hint: t('reasonHint') };
  if (status === 'approved') {
    return <ActionForm action={actions.unlock} hidden={{ [idKey]: id, version }} fields={[reason]} submit={t('unlock')} done={t('unlocked')} tone="secondary" compact />;
  }
  if (status !== 'submitted') return null;
  return (
    <div className="space-y-2">
      <ActionForm action={actions.approve} hidden={{ items: `${id}@${version}` }} submit={t('approve')} done={t('approved')} compact />
      <ActionForm action={actions.return} hidden={{ [idKey]: id, version }} fields={[reason]} submit={t('return')} done={t('returned')} tone="danger" compact />
    </div>
  );
}

interface ReminderOutcome {
  sent: { unitId: number; reminderId: number }[];
  skipped: { unitId: number; reason: 'alreadySubmitted' | 'recentlyReminded' | 'notExpected' }[];
}

/** 催办 one unit or every overdue unit of a month: says how many were reminded and why the others were skipped. */
export function ReminderForm({ action, month, unitIds, label, unitNames }: { action: FormAction<ReminderOutcome>; month: string; unitIds: number[]; label: string; unitNames: Record<number, string> }) {
  const t = useTranslations('reporting.review');
  const describe = (data: ReminderOutcome) =>
    [
      t('remindSent', { sent: data.sent.length, skipped: data.skipped.length }),
      ...data.skipped.map((s) => `${unitNames[s.unitId] ?? s.unitId}：${t(`skip.${s.reason}`)}`),
    ].join('；');
  return <ActionForm action={action} hidden={{ month, unitIds }} submit={label} done="" tone="secondary" compact describeSuccess={describe} />;
}
