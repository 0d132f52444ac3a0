'use client';
// 撤回 on the reporter's form: submitted items are read-only, and each carries a 撤回 button; the whole submission has
// one too. Every withdrawal asks for confirmation in place. The confirming button submits a small form that lives
// outside the main form (forms cannot nest), named by the `form` attribute.
import { createContext, useActionState, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { FormMessage } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/action-state';
import { fill } from './types';

export interface WithdrawProps {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any action result: the form reads only a count
  action: (state: ActionState<any>, formData: FormData) => Promise<ActionState<any>>;
  /** The submission version the page shows: a withdrawal is bound to it. */
  version: number;
  /** Items awaiting review on the form. */
  submittedCount: number;
}

interface Confirming {
  /** `v:<id>` / `t:<id>`, or null for the whole submission. */
  item: string | null;
  label: string;
}

interface WithdrawContextValue {
  confirming: Confirming | null;
  ask: (c: Confirming) => void;
  cancel: () => void;
  pending: boolean;
  text: Record<string, string>;
}

const WithdrawContext = createContext<WithdrawContextValue | null>(null);
const FORM_ID = 'withdraw-form';

export function WithdrawProvider({ withdraw, month, text: t, children }: { withdraw?: WithdrawProps; month: string; text: Record<string, string>; children: ReactNode }) {
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const noop = async (s: ActionState<unknown>) => s;
  const [state, formAction, pending] = useActionState(withdraw?.action ?? noop, { status: 'idle' } as ActionState<unknown>);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'idle') return;
    // A withdrawal re-renders the page: the outcome is said at the top, and focus goes there for screen readers.
    messageRef.current?.focus();
    messageRef.current?.scrollIntoView({ block: 'center' });
  }, [state]);
  const done = state.status === 'success' ? (state.data as { withdrawn: number }) : null;
  // The same element tree with or without withdrawal: the form below keeps its state when a first save makes the
  // month withdrawable (a different tree would remount it and lose its message).
  return (
    <WithdrawContext.Provider value={withdraw ? { confirming, ask: setConfirming, cancel: () => setConfirming(null), pending, text: t } : null}>
      {withdraw ? (
        <form id={FORM_ID} action={(data) => { setConfirming(null); formAction(data); }} hidden>
          <input type="hidden" name="month" value={month} />
          <input type="hidden" name="version" value={withdraw.version} />
          {confirming?.item ? <input type="hidden" name="item" value={confirming.item} /> : null}
        </form>
      ) : null}
      <div ref={messageRef} tabIndex={-1} data-withdraw-result className="outline-none">
        {state.status === 'error' ? <FormMessage tone="error" message={state.message} /> : null}
        {done ? <FormMessage tone="success" message={fill(t.withdrawn, { count: done.withdrawn })} /> : null}
      </div>
      {withdraw && withdraw.submittedCount > 0 ? (
        <div className="no-print mb-4 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-submitted-note>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span>{fill(t.submittedNote, { count: withdraw.submittedCount })}</span>
            <button type="button" onClick={() => setConfirming({ item: null, label: '' })} className="rounded border border-amber-400 bg-white px-3 py-1 font-medium">
              {t.withdrawAll}
            </button>
          </div>
          {confirming && confirming.item === null ? <ConfirmPanel message={fill(t.withdrawConfirmAll, { count: withdraw.submittedCount })} /> : null}
        </div>
      ) : null}
      {children}
    </WithdrawContext.Provider>
  );
}

function ConfirmPanel({ message }: { message: string }) {
  const ctx = useContext(WithdrawContext)!;
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), []);
  return (
    <div role="alertdialog" aria-label={ctx.text.withdraw} aria-describedby="withdraw-confirm-text" className="mt-2 rounded border border-amber-300 bg-white p-2 text-sm text-slate-800">
      <p id="withdraw-confirm-text">{message}</p>
      <div className="mt-2 flex gap-2">
        <button ref={yes} type="submit" form={FORM_ID} disabled={ctx.pending} className="rounded bg-amber-700 px-3 py-1 font-medium text-white disabled:opacity-60">
          {ctx.text.withdrawYes}
        </button>
        <button type="button" onClick={ctx.cancel} className="rounded border border-slate-300 px-3 py-1">
          {ctx.text.withdrawNo}
        </button>
      </div>
    </div>
  );
}

/** The 撤回 button of one submitted item, and its confirmation in place. Nothing when withdrawal is not offered. */
export function WithdrawItem({ item, label }: { item: string; label: string }) {
  const ctx = useContext(WithdrawContext);
  if (!ctx) return null;
  return (
    <div className="no-print">
      <button type="button" onClick={() => ctx.ask({ item, label })} className="text-xs font-medium text-amber-800 underline" aria-label={`${ctx.text.withdraw}：${label}`}>
        {ctx.text.withdraw}
      </button>
      {ctx.confirming?.item === item ? <ConfirmPanel message={fill(ctx.text.withdrawConfirm, { item: label })} /> : null}
    </div>
  );
}
