import type { InputHTMLAttributes } from 'react';

/** A labelled input with its own error slot (aria-describedby, aria-live): every field shows all its messages. */
export function Field({ label, name, errors, hint, ...input }: { label: string; name: string; errors?: string[]; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const errorId = `${name}-error`;
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <div className="mb-4">
      <label htmlFor={name} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={name}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[errors?.length ? errorId : null, hintId].filter(Boolean).join(' ') || undefined}
        className="w-full rounded border border-slate-300 px-3 py-2 text-base focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid]:border-red-500"
        {...input}
      />
      {hint ? <p id={hintId} className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      <div id={errorId} aria-live="polite" className="mt-1 text-sm text-red-700">
        {errors?.map((e) => <p key={e}>{e}</p>)}
      </div>
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
