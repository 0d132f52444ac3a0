import type { InputHTMLAttributes } from 'react';

/** The ids that tie a control to its hint and error slot (aria-describedby), and whether it is invalid. */
export function fieldAria(name: string, errors?: string[], hint?: string) {
  const describedBy = [errors?.length ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(' ');
  return { 'aria-invalid': errors?.length ? true : undefined, 'aria-describedby': describedBy || undefined } as const;
}

/** The hint under a control and its error slot (aria-live): every message of the field, not only the first. */
export function HintAndErrors({ name, errors, hint }: { name: string; errors?: string[]; hint?: string }) {
  return (
    <>
      {hint ? <p id={`${name}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      <div id={`${name}-error`} aria-live="polite" className="mt-1 text-sm text-red-700">
        {errors?.map((e) => <p key={e}>{e}</p>)}
      </div>
    </>
  );
}

/** A labelled input with its own error slot. `id` (default: the name) must differ where two forms share a field name. */
export function Field({ label, name, id = name, errors, hint, ...input }: { label: string; name: string; errors?: string[]; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="mb-4">
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        name={name}
        {...fieldAria(id, errors, hint)}
        className="w-full rounded border border-slate-300 px-3 py-2 text-base focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid]:border-red-500"
        {...input}
      />
      <HintAndErrors name={id} errors={errors} hint={hint} />
    </div>
  );
}

export function FormMessage({ tone, message }: { tone: 'error' | 'success'; message?: string }) {
  if (!message) return null;
  return (
    <p role={tone === 'error' ? 'alert' : 'status'} className={`mb-4 rounded border px-3 py-2 text-sm ${tone === 'error' ? 'border-red-200 bg-red-50 text-red-800' : 'border-green-200 bg-green-50 text-green-800'}`}>
      {message}
    </p>
  );
}

export function SubmitButton({ children, pending, tone = 'primary' }: { children: React.ReactNode; pending?: boolean; tone?: 'primary' | 'danger' | 'secondary' }) {
  const tones = { primary: 'bg-brand-700 text-white hover:bg-brand-900', danger: 'bg-red-700 text-white hover:bg-red-800', secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50' };
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={`rounded px-4 py-2 text-sm font-medium disabled:opacity-60 ${tones[tone]}`}>
      {children}
    </button>
  );
}
