'use client';
// Adding a qualification (its span follows from its kind: certificates three years, registrations a calendar year,
// list entries open) and ending one early (revoked, removed from a list), with the reason; history is never rewritten.
import { useActionState } from 'react';
import { FormMessage, HintAndErrors, SubmitButton, fieldAria } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/action-state';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- record answers { id }, end { version }
type Action = (state: ActionState<any>, formData: FormData) => Promise<ActionState<any>>;

const control = 'w-full rounded border border-slate-300 bg-white px-3 py-2 text-base focus:border-brand-600 focus:outline-none aria-[invalid]:border-red-500';
const label = 'mb-1 block text-sm font-medium text-slate-700';

export function AddQualificationForm({ action, enterpriseId, kinds, text: t }: { action: Action; enterpriseId: number; kinds: { value: string; label: string }[]; text: Record<string, string> }) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ActionState<unknown>);
  const errors = state.fieldErrors ?? {};
  const typed = (name: string) => (state.status === 'error' && state.values ? String(state.values[name] ?? '') : '');
  return (
    <form action={formAction} noValidate aria-label={t.addTitle} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="mb-3 text-base font-semibold text-brand-900">{t.addTitle}</h2>
      {state.status === 'error' ? <FormMessage tone="error" message={state.message} /> : null}
      {state.status === 'success' ? <FormMessage tone="success" message={t.added} /> : null}
      <input type="hidden" name="enterpriseId" value={enterpriseId} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <div className="mb-4">
          <label htmlFor="q-kind" className={label}>{t.kind}</label>
          <select id="q-kind" name="kind" defaultValue={typed('kind')} className={control} {...fieldAria('q-kind', errors.kind)}>
            <option value="">{t.choose}</option>
            {kinds.map((k) => (
              <option key={k.value} value={k.value}>{k.label}</option>
            ))}
          </select>
          <HintAndErrors name="q-kind" errors={errors.kind} />
        </div>
        <div className="mb-4">
          <label htmlFor="q-year" className={label}>{t.year}</label>
          <input id="q-year" name="year" inputMode="numeric" defaultValue={typed('year')} className={control} {...fieldAria('q-year', errors.year)} />
          <HintAndErrors name="q-year" errors={errors.year} />
        </div>
        <div className="mb-4">
          <label htmlFor="q-validFrom" className={label}>{t.validFrom}</label>
          <input id="q-validFrom" name="validFrom" type="date" defaultValue={typed('validFrom')} className={control} {...fieldAria('q-validFrom', errors.validFrom, t.validFromHint)} />
          <HintAndErrors name="q-validFrom" errors={errors.validFrom} hint={t.validFromHint} />
        </div>
        <div className="mb-4">
          <label htmlFor="q-level" className={label}>{t.level}</label>
          <select id="q-level" name="level" defaultValue={typed('level')} className={control} {...fieldAria('q-level', errors.level)}>
            <option value="">{t.none}</option>
            <option value="national">{t.national}</option>
            <option value="municipal">{t.municipal}</option>
            <option value="district">{t.district}</option>
          </select>
          <HintAndErrors name="q-level" errors={errors.level} />
        </div>
        <div className="mb-4 sm:col-span-2">
          <label htmlFor="q-certificateNo" className={label}>{t.certificateNo}</label>
          <input id="q-certificateNo" name="certificateNo" maxLength={40} defaultValue={typed('certificateNo')} className={control} {...fieldAria('q-certificateNo', errors.certificateNo)} />
          <HintAndErrors name="q-certificateNo" errors={errors.certificateNo} />
        </div>
      </div>
      <SubmitButton pending={pending}>{t.add}</SubmitButton>
    </form>
  );
}

export function EndQualificationForm({ action, qualification, text: t }: { action: Action; qualification: { id: number; version: number; label: string }; text: Record<string, string> }) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ActionState<unknown>);
  const errors = state.fieldErrors ?? {};
  const id = (name: string) => `end-${qualification.id}-${name}`;
  return (
    <form action={formAction} noValidate aria-label={`${t.endTitle} ${qualification.label}`} className="flex flex-wrap items-start gap-3 border-t border-slate-100 py-3 first:border-0">
      <input type="hidden" name="qualificationId" value={qualification.id} />
      <input type="hidden" name="version" value={qualification.version} />
      <p className="w-full text-sm font-medium text-slate-800 sm:w-48">{qualification.label}</p>
      <div>
        <label htmlFor={id('endedOn')} className="sr-only">{t.endedOn}</label>
        <input id={id('endedOn')} name="endedOn" type="date" aria-label={t.endedOn} className={control} {...fieldAria(id('endedOn'), errors.endedOn)} />
        <HintAndErrors name={id('endedOn')} errors={errors.endedOn} />
      </div>
      <div className="min-w-0 flex-1">
        <label htmlFor={id('reason')} className="sr-only">{t.reason}</label>
        <input id={id('reason')} name="reason" maxLength={500} placeholder={t.reason} aria-label={t.reason} className={control} {...fieldAria(id('reason'), errors.reason)} />
        <HintAndErrors name={id('reason')} errors={errors.reason} />
      </div>
      <SubmitButton pending={pending} tone="danger">{t.end}</SubmitButton>
      <div className="w-full">{state.status === 'error' ? <FormMessage tone="error" message={state.message} /> : null}</div>
    </form>
  );
}
