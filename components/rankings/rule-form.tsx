'use client';
// The bureau's form for a new scoring rule version: weights per indicator (level, improvement), the growth that earns
// full improvement points, discipline and task progress, and the month it takes effect. Prefilled with the rule in
// force; bound to the rule number the bureau saw (a version published meanwhile conflicts).
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Field, FormMessage, SubmitButton } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/action-state';

export interface RuleFormView {
  basedOn: number;
  defaultMonth: string;
  indicators: { code: string; name: string; level: number; improvement: number }[];
  improvementFullAt: number;
  disciplineWeight: number;
  latePart: number;
  returnPenalty: number;
  taskProgress: number;
}

type Act = (previous: ActionState<{ ruleNo: number }>, formData: FormData) => Promise<ActionState<{ ruleNo: number }>>;

export function RuleForm({ view, action }: { view: RuleFormView; action: Act }) {
  const t = useTranslations('rankings.ruleForm');
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ActionState<{ ruleNo: number }>);
  const v = (name: string, fallback: string | number) => (state.status === 'error' && state.values && name in state.values ? String(state.values[name]) : String(fallback));
  const e = (name: string) => state.fieldErrors?.[name];
  const num = { type: 'number', inputMode: 'decimal' as const, step: 'any', min: 0, required: true };
  return (
    <form action={formAction} className="rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <h2 className="mb-3 text-base font-semibold">{t('title', { ruleNo: view.basedOn + 1 })}</h2>
      <input type="hidden" name="basedOn" value={view.basedOn} />
      <FormMessage tone="error" message={state.status === 'error' ? state.message : undefined} />
      <FormMessage tone="success" message={state.status === 'success' && state.data ? t('published', { ruleNo: state.data.ruleNo }) : undefined} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field label={t('effectiveFrom')} name="effectiveFrom" type="month" required defaultValue={v('effectiveFrom', view.defaultMonth)} errors={e('effectiveFrom')} />
        <Field label={t('note')} name="note" maxLength={500} defaultValue={v('note', '')} errors={e('note')} />
      </div>
      <fieldset className="mb-2">
        <legend className="mb-2 text-sm font-semibold text-slate-700">{t('indicators')}</legend>
        {view.indicators.map((i) => (
          <div key={i.code} className="grid gap-x-4 sm:grid-cols-[1fr_8rem_8rem]">
            <p className="pt-7 text-sm">{i.name}</p>
            <Field label={t('level')} name={`indicators.${i.code}.level`} {...num} defaultValue={v(`indicators.${i.code}.level`, i.level)} errors={e(`indicators.${i.code}.level`)} />
            <Field label={t('improvement')} name={`indicators.${i.code}.improvement`} {...num} defaultValue={v(`indicators.${i.code}.improvement`, i.improvement)} errors={e(`indicators.${i.code}.improvement`)} />
          </div>
        ))}
      </fieldset>
      <div className="grid gap-x-4 sm:grid-cols-3">
        <Field label={t('improvementFullAt')} name="improvementFullAt" {...num} defaultValue={v('improvementFullAt', view.improvementFullAt)} errors={e('improvementFullAt')} />
        <Field label={t('disciplineWeight')} name="disciplineWeight" {...num} defaultValue={v('disciplineWeight', view.disciplineWeight)} errors={e('disciplineWeight')} />
        <Field label={t('latePart')} name="latePart" {...num} max={100} defaultValue={v('latePart', view.latePart)} errors={e('latePart')} />
        <Field label={t('returnPenalty')} name="returnPenalty" {...num} defaultValue={v('returnPenalty', view.returnPenalty)} errors={e('returnPenalty')} />
        <Field label={t('taskProgress')} name="taskProgress" {...num} defaultValue={v('taskProgress', view.taskProgress)} errors={e('taskProgress')} />
      </div>
      <p className="mb-3 text-xs text-slate-500">{t('hint')}</p>
      <SubmitButton pending={pending}>{t('publish')}</SubmitButton>
    </form>
  );
}
