'use client';
// The bureau's forms on a bulletin: open a month's draft, edit its foreword and remarks (bound to the version the
// editor saw), publish it (bound to the same version: what was reviewed is what is frozen).
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Field, FormMessage, HintAndErrors, SubmitButton, fieldAria } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/action-state';

type Act<T> = (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

export function GenerateBulletinForm({ action, defaultMonth }: { action: Act<{ month: string }>; defaultMonth: string }) {
  const t = useTranslations('bulletin');
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ActionState<{ month: string }>);
  return (
    <form action={formAction} className="no-print mb-6 flex max-w-md flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="min-w-40 flex-1">
        <Field label={t('month')} name="month" type="month" required defaultValue={String(state.values?.month ?? defaultMonth)} errors={state.fieldErrors?.month} />
      </div>
      <div className="mb-4">
        <SubmitButton pending={pending}>{t('generate')}</SubmitButton>
      </div>
      <div className="w-full">
        <FormMessage tone="error" message={state.status === 'error' ? state.message : undefined} />
        {state.status === 'success' && state.data ? (
          <p role="status" className="text-sm text-green-800">
            {t('generated')} <a className="underline" href={`/bulletins/${state.data.month}`}>{t('open')}</a>
          </p>
        ) : null}
      </div>
    </form>
  );
}

function TextArea({ name, label, value, errors }: { name: string; label: string; value: string; errors?: string[] }) {
  return (
    <div className="mb-4">
      <label htmlFor={name} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea id={name} name={name} rows={4} maxLength={3000} defaultValue={value} {...fieldAria(name, errors)} className="w-full rounded border border-slate-300 px-3 py-2 text-base" />
      <HintAndErrors name={name} errors={errors} />
    </div>
  );
}

export function BulletinEditor({ month, foreword, remarks, version, editAction, publishAction }: { month: string; foreword: string; remarks: string; version: number; editAction: Act<{ version: number }>; publishAction: Act<{ month: string }> }) {
  const t = useTranslations('bulletin');
  const [edit, editFormAction, editing] = useActionState(editAction, { status: 'idle' } as ActionState<{ version: number }>);
  const [pub, publishFormAction, publishing] = useActionState(publishAction, { status: 'idle' } as ActionState<{ month: string }>);
  const current = edit.status === 'success' && edit.data ? edit.data.version : version;
  return (
    <div className="no-print mb-6 grid gap-4 lg:grid-cols-[2fr_1fr]">
      <form action={editFormAction} className="rounded-lg border border-slate-200 bg-white p-4">
        <input type="hidden" name="month" value={month} />
        <input type="hidden" name="version" value={current} />
        <FormMessage tone="error" message={edit.status === 'error' ? edit.message : undefined} />
        <FormMessage tone="success" message={edit.status === 'success' ? t('saved') : undefined} />
        <TextArea name="foreword" label={t('foreword')} value={String(edit.values?.foreword ?? foreword)} errors={edit.fieldErrors?.foreword} />
        <TextArea name="remarks" label={t('remarks')} value={String(edit.values?.remarks ?? remarks)} errors={edit.fieldErrors?.remarks} />
        <SubmitButton pending={editing} tone="secondary">
          {t('save')}
        </SubmitButton>
      </form>
      <form action={publishFormAction} className="rounded-lg border border-amber-200 bg-amber-50 p-4">
        <input type="hidden" name="month" value={month} />
        <input type="hidden" name="version" value={current} />
        <p className="mb-3 text-sm text-slate-700">{t('publishHint')}</p>
        <FormMessage tone="error" message={pub.status === 'error' ? pub.message : undefined} />
        <FormMessage tone="success" message={pub.status === 'success' ? t('publishedNow') : undefined} />
        <SubmitButton pending={publishing}>{t('publish')}</SubmitButton>
      </form>
    </div>
  );
}
