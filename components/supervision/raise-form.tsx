'use client';
// Raising a supervision item: what it is about, the instruction, lead and co-operating units, due date, cadence.
// Input names equal the schema keys; every field has its own error slot.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage, HintAndErrors, SubmitButton, fieldAria } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/action-state';

type Action = (previous: ActionState<{ id: number; version: number }>, formData: FormData) => Promise<ActionState<{ id: number; version: number }>>;

interface Choices {
  targets: { group: 'task' | 'indicator' | 'unit'; value: string; label: string }[];
  units: { id: number; name: string }[];
}

const control = 'w-full rounded border border-slate-300 px-3 py-2 text-base focus:border-brand-600 focus:outline-none aria-[invalid]:border-red-500';

export function RaiseForm({ action, choices, defaults }: { action: Action; choices: Choices; defaults: { target?: string; leadUnitId?: string; dueDate: string } }) {
  const t = useTranslations('supervision');
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ActionState<{ id: number; version: number }>);
  const errors = state.fieldErrors ?? {};
  const value = (name: string, fallback = '') => (state.values?.[name] as string | undefined) ?? fallback;
  const groups = (['task', 'indicator', 'unit'] as const).map((g) => ({ group: g, options: choices.targets.filter((x) => x.group === g) }));
  const cooperating = ([] as unknown[]).concat(state.values?.cooperatingUnitIds ?? []).map(String);
  return (
    <form action={formAction} className="max-w-2xl space-y-4">
      {state.status === 'error' ? <FormMessage tone="error" message={state.message} /> : null}
      <div>
        <label htmlFor="target" className="mb-1 block text-sm font-medium text-slate-700">
          {t('form.target')}
        </label>
        <select id="target" name="target" required defaultValue={value('target', defaults.target)} className={control} {...fieldAria('target', errors.target, t('form.targetHint'))}>
          <option value="">{t('form.choose')}</option>
          {groups.map(({ group, options }) => (
            <optgroup key={group} label={t(`targetKinds.${group}`)}>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <HintAndErrors name="target" errors={errors.target} hint={t('form.targetHint')} />
      </div>
      <div>
        <label htmlFor="text" className="mb-1 block text-sm font-medium text-slate-700">
          {t('form.text')}
        </label>
        <textarea id="text" name="text" required rows={4} maxLength={2000} defaultValue={value('text')} className={control} {...fieldAria('text', errors.text)} />
        <HintAndErrors name="text" errors={errors.text} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="leadUnitId" className="mb-1 block text-sm font-medium text-slate-700">
            {t('form.leadUnit')}
          </label>
          <select id="leadUnitId" name="leadUnitId" required defaultValue={value('leadUnitId', defaults.leadUnitId)} className={control} {...fieldAria('leadUnitId', errors.leadUnitId)}>
            <option value="">{t('form.choose')}</option>
            {choices.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <HintAndErrors name="leadUnitId" errors={errors.leadUnitId} />
        </div>
        <div>
          <label htmlFor="cooperatingUnitIds" className="mb-1 block text-sm font-medium text-slate-700">
            {t('form.cooperatingUnits')}
          </label>
          <select id="cooperatingUnitIds" name="cooperatingUnitIds" multiple size={5} defaultValue={cooperating} className={control} {...fieldAria('cooperatingUnitIds', errors.cooperatingUnitIds, t('form.cooperatingHint'))}>
            {choices.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <HintAndErrors name="cooperatingUnitIds" errors={errors.cooperatingUnitIds} hint={t('form.cooperatingHint')} />
        </div>
        <div>
          <label htmlFor="dueDate" className="mb-1 block text-sm font-medium text-slate-700">
            {t('form.dueDate')}
          </label>
          <input id="dueDate" name="dueDate" type="date" required defaultValue={value('dueDate', defaults.dueDate)} className={control} {...fieldAria('dueDate', errors.dueDate)} />
          <HintAndErrors name="dueDate" errors={errors.dueDate} />
        </div>
        <div>
          <label htmlFor="cadenceDays" className="mb-1 block text-sm font-medium text-slate-700">
            {t('form.cadence')}
          </label>
          <input id="cadenceDays" name="cadenceDays" type="number" min={1} max={90} defaultValue={value('cadenceDays')} className={control} {...fieldAria('cadenceDays', errors.cadenceDays, t('form.cadenceHint'))} />
          <HintAndErrors name="cadenceDays" errors={errors.cadenceDays} hint={t('form.cadenceHint')} />
        </div>
      </div>
      <SubmitButton pending={pending}>{t('form.submit')}</SubmitButton>
    </form>
  );
}
