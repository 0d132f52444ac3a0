'use client';
// What the viewer may do with one item, each form bound to the version they saw: a unit answers (text, its own
// assessment, attachment metadata); the raiser or the bureau accepts, returns with a reason, or extends.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/review/review-forms';
import { FormMessage, HintAndErrors, SubmitButton, fieldAria } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/action-state';

type Action = (previous: ActionState<{ version: number }>, formData: FormData) => Promise<ActionState<{ version: number }>>;

const control = 'w-full rounded border border-slate-300 px-3 py-2 text-base focus:border-brand-600 focus:outline-none aria-[invalid]:border-red-500';

export function AnswerForm({ action, itemId, version }: { action: Action; itemId: number; version: number }) {
  const t = useTranslations('supervision');
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ActionState<{ version: number }>);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} aria-labelledby="answer-title" className="space-y-3 rounded border border-slate-200 p-4">
      <h2 id="answer-title" className="text-base font-semibold text-brand-900">
        {t('answer.title')}
      </h2>
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="version" value={version} />
      <div>
        <label htmlFor="answer-text" className="mb-1 block text-sm font-medium text-slate-700">
          {t('answer.text')}
        </label>
        <textarea id="answer-text" name="text" required rows={4} maxLength={2000} defaultValue={state.status === 'error' ? ((state.values?.text as string) ?? '') : ''} className={control} {...fieldAria('answer-text', errors.text)} />
        <HintAndErrors name="answer-text" errors={errors.text} />
      </div>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t('answer.selfStatus')}</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(['on_track', 'behind', 'done'] as const).map((s) => (
            <label key={s} className="inline-flex items-center gap-1">
              <input type="radio" name="selfStatus" value={s} required defaultChecked={s === 'on_track'} />
              {t(`selfStatus.${s}`)}
            </label>
          ))}
        </div>
        <HintAndErrors name="answer-selfStatus" errors={errors.selfStatus} />
      </fieldset>
      <div>
        <label htmlFor="answer-attachments" className="mb-1 block text-sm font-medium text-slate-700">
          {t('answer.attachments')}
        </label>
        <input id="answer-attachments" name="attachments" type="file" multiple className="text-sm" />
        <HintAndErrors name="answer-attachments" errors={Object.entries(errors).filter(([k]) => k.startsWith('attachments')).flatMap(([, v]) => v)} />
      </div>
      <div aria-live="polite">
        {state.status === 'error' ? <FormMessage tone="error" message={state.message} /> : null}
        {state.status === 'success' ? <FormMessage tone="success" message={t('answer.done')} /> : null}
      </div>
      <SubmitButton pending={pending}>{t('answer.submit')}</SubmitButton>
    </form>
  );
}

export function DecideForms({ actions, itemId, version, canClose, canExtend }: { actions: { close: Action; return: Action; extend: Action }; itemId: number; version: number; canClose: boolean; canExtend: boolean }) {
  const t = useTranslations('supervision.decide');
  const hidden = { itemId, version };
  return (
    <section aria-labelledby="decide-title" className="space-y-4 rounded border border-slate-200 p-4">
      <h2 id="decide-title" className="text-base font-semibold text-brand-900">
        {t('title')}
      </h2>
      {canClose ? (
        <>
          <div data-form="close">
            <ActionForm action={actions.close} hidden={hidden} fields={[{ name: 'comment', label: t('closeComment'), required: false }]} submit={t('close')} done={t('closed')} />
          </div>
          <div data-form="return">
            <ActionForm action={actions.return} hidden={hidden} fields={[{ name: 'reason', label: t('reason') }]} submit={t('return')} done={t('returned')} tone="danger" />
          </div>
        </>
      ) : null}
      {canExtend ? (
        <div data-form="extend">
          <ActionForm
            action={actions.extend}
            hidden={hidden}
            fields={[
              { name: 'dueDate', label: t('newDueDate'), type: 'date' },
              { name: 'reason', label: t('extendReason') },
            ]}
            submit={t('extend')}
            done={t('extended')}
            tone="secondary"
          />
        </div>
      ) : null}
    </section>
  );
}
