'use client';
// 按企业库计数填入: writes the registry's counts into the month's form as drafts (source `registry`), through the form's
// own save path; submitted and reviewed like every other figure.
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/action-state';

type Result = { filled: number; locked: number };
type Action = (state: ActionState<Result>, formData: FormData) => Promise<ActionState<Result>>;

export function RegistryFillButton({ action, month, text: t }: { action: Action; month: string; text: Record<string, string> }) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ActionState<Result>);
  const done = state.status === 'success' && state.data ? t.filled.replace('{filled}', String(state.data.filled)).replace('{locked}', String(state.data.locked)) : undefined;
  return (
    <form action={formAction} className="no-print max-w-xs text-right">
      <input type="hidden" name="month" value={month} />
      <button type="submit" disabled={pending} className="rounded border border-brand-700 bg-white px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50 disabled:opacity-60">
        {t.fill}
      </button>
      <div className="mt-1 text-left">
        {state.status === 'error' ? <FormMessage tone="error" message={state.message} /> : null}
        {done ? <FormMessage tone="success" message={done} /> : null}
      </div>
    </form>
  );
}
