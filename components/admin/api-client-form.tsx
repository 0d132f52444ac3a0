'use client';
// The system admin's form for a new API client. On success the token is shown here, once: the server keeps only its
// hash, and reloading the page loses it.
import { useActionState } from 'react';
import type { FormAction } from '@/components/admin/types';
import { CheckboxGroup, type ChoiceOption } from '@/components/ui/choice';
import { Field, FormMessage, HintAndErrors, SubmitButton, fieldAria } from '@/components/ui/field';

export interface ApiClientFormText {
  title: string;
  name: string;
  scopes: string;
  scope: Record<'read' | 'report' | 'registry', string>;
  unitIds: string;
  indicatorIds: string;
  allowedIps: string;
  ipsHint: string;
  expiresAt: string;
  rate: string;
  rateHint: string;
  submit: string;
  createdTitle: string;
  tokenLabel: string;
  tokenWarn: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

export function ApiClientForm({
  action,
  units,
  indicators,
  defaultExpiry,
  text: t,
}: {
  action: FormAction<{ id: number; name: string; token: string }>;
  units: ChoiceOption[];
  indicators: ChoiceOption[];
  defaultExpiry: string;
  text: ApiClientFormText;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const v = state.status === 'error' ? state.values : undefined;
  const e = state.fieldErrors;
  return (
    <div className="no-print rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      {state.status === 'success' && state.data ? (
        <section aria-labelledby="api-token-title" className="mb-4 rounded border border-amber-300 bg-amber-50 p-3" data-token-panel>
          <h2 id="api-token-title" className="font-semibold text-amber-900">
            {t.createdTitle.replace('{name}', state.data.name)}
          </h2>
          <label htmlFor="api-token" className="mt-2 block text-sm text-amber-900">
            {t.tokenLabel}
          </label>
          <input id="api-token" readOnly value={state.data.token} className="mt-1 w-full rounded border border-amber-300 bg-white px-2 py-1 font-mono text-sm" onFocus={(ev) => ev.currentTarget.select()} />
          <p className="mt-2 text-sm text-amber-900">{t.tokenWarn}</p>
        </section>
      ) : null}
      <form action={formAction} noValidate aria-labelledby="api-client-title">
        <h2 id="api-client-title" className="mb-3 text-lg font-semibold text-brand-900">
          {t.title}
        </h2>
        {state.status === 'error' ? <FormMessage tone="error" message={state.message} /> : null}
        <div className="grid gap-x-4 md:grid-cols-2">
          <Field label={t.name} name="name" autoComplete="off" defaultValue={text(v?.name)} errors={e?.name} />
          <Field label={t.expiresAt} name="expiresOn" type="date" defaultValue={text(v?.expiresOn) ?? defaultExpiry} errors={e?.expiresOn} />
        </div>
        <CheckboxGroup legend={t.scopes} name="scopes" options={(['read', 'report', 'registry'] as const).map((s) => ({ value: s, label: t.scope[s] }))} checked={v ? list(v.scopes) : ['read']} errors={e?.scopes} />
        <details className="mb-4" open={Boolean(e?.unitIds || e?.indicatorIds || list(v?.scopes).includes('report'))}>
          <summary className="cursor-pointer text-sm font-medium text-brand-700">
            {t.unitIds} / {t.indicatorIds}
          </summary>
          <div className="mt-2 max-h-64 overflow-y-auto rounded border border-slate-200 p-2">
            <CheckboxGroup legend={t.unitIds} name="unitIds" options={units} checked={list(v?.unitIds)} errors={e?.unitIds} />
          </div>
          <div className="mt-2 max-h-64 overflow-y-auto rounded border border-slate-200 p-2">
            <CheckboxGroup legend={t.indicatorIds} name="indicatorIds" options={indicators} checked={list(v?.indicatorIds)} errors={e?.indicatorIds} />
          </div>
        </details>
        <div className="grid gap-x-4 md:grid-cols-2">
          <div className="mb-4">
            <label htmlFor="allowedIps" className="mb-1 block text-sm font-medium text-slate-700">
              {t.allowedIps}
            </label>
            <textarea
              id="allowedIps"
              name="allowedIps"
              rows={3}
              spellCheck={false}
              defaultValue={text(v?.allowedIps)}
              {...fieldAria('allowedIps', e?.allowedIps, t.ipsHint)}
              className="w-full rounded border border-slate-300 px-3 py-2 font-mono text-sm aria-[invalid]:border-red-500"
            />
            <HintAndErrors name="allowedIps" errors={e?.allowedIps} hint={t.ipsHint} />
          </div>
          <Field label={t.rate} name="rateLimitPerMinute" inputMode="numeric" hint={t.rateHint} defaultValue={text(v?.rateLimitPerMinute)} errors={e?.rateLimitPerMinute} />
        </div>
        <SubmitButton pending={pending}>{t.submit}</SubmitButton>
      </form>
    </div>
  );
}
