'use client';
// Reporting settings (due day, jump threshold, first month) with the version the editor started from: a concurrent
// change fails with the domain's conflict message instead of being overwritten.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Field, FormMessage, SubmitButton } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/action-state';

export function SettingsForm({
  action,
  settings,
}: {
  action: (previous: ActionState<{ version: number }>, formData: FormData) => Promise<ActionState<{ version: number }>>;
  settings: { dueDay: number; jumpThresholdPercent: number; firstMonth: string; version: number };
}) {
  const t = useTranslations('reporting.review');
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ActionState<{ version: number }>);
  const value = (name: keyof typeof settings) => String((state.values?.[name] as string | undefined) ?? settings[name]);
  return (
    <form action={formAction} className="max-w-md rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <input type="hidden" name="version" value={settings.version} />
      <FormMessage tone="error" message={state.status === 'error' ? state.message : undefined} />
      <FormMessage tone="success" message={state.status === 'success' ? t('saved') : undefined} />
      <Field label={t('dueDay')} name="dueDay" type="number" min={1} max={28} required defaultValue={value('dueDay')} hint={t('dueDayHint')} errors={state.fieldErrors?.dueDay} />
      <Field label={t('jumpThreshold')} name="jumpThresholdPercent" type="number" min={1} max={1000} step="any" required defaultValue={value('jumpThresholdPercent')} errors={state.fieldErrors?.jumpThresholdPercent} />
      <Field label={t('firstMonth')} name="firstMonth" defaultValue={value('firstMonth')} hint={t('firstMonthHint')} placeholder="2026-01" errors={state.fieldErrors?.firstMonth} />
      <SubmitButton pending={pending}>{t('save')}</SubmitButton>
    </form>
  );
}
