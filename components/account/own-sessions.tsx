'use client';

import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/action-state';

export interface OwnSessionRow {
  handle: string;
  device: string;
  ip: string;
  started: string;
  lastSeen: string;
  current: boolean;
}

export interface OwnSessionsText {
  caption: string;
  device: string;
  ip: string;
  started: string;
  lastSeen: string;
  current: string;
  end: string;
  endOthers: string;
  /** With `{count}`. */
  ended: string;
  onlyThis: string;
}

/** The user's live sessions, each but the current one with its own "end" button, and one to end all the others. */
export function OwnSessions({
  sessions,
  action,
  text: t,
}: {
  sessions: OwnSessionRow[];
  action: (state: ActionState<{ count: number }>, formData: FormData) => Promise<ActionState<{ count: number }>>;
  text: OwnSessionsText;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const others = sessions.filter((s) => !s.current).length;
  return (
    <section>
      {state.status === 'success' ? <FormMessage tone="success" message={t.ended.replace('{count}', String(state.data?.count ?? 0))} /> : null}
      {state.status === 'error' ? <FormMessage tone="error" message={state.fieldErrors?.session?.[0] ?? state.message} /> : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-sm">
          <caption className="border-b border-slate-200 px-3 py-2 text-left font-medium text-brand-900">{t.caption}</caption>
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">{t.device}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t.ip}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t.started}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t.lastSeen}</th>
              <th scope="col" className="no-print px-3 py-2 font-medium">
                <span className="sr-only">{t.end}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.handle} className="border-t border-slate-100 align-middle">
                <td className="px-3 py-2">
                  {s.device}
                  {s.current ? <span className="ml-2 inline-block rounded bg-green-50 px-1.5 py-0.5 text-xs whitespace-nowrap text-green-800">{t.current}</span> : null}
                </td>
                <td className="px-3 py-2 font-mono text-xs">{s.ip}</td>
                <td className="num px-3 py-2 whitespace-nowrap">{s.started}</td>
                <td className="num px-3 py-2 whitespace-nowrap">{s.lastSeen}</td>
                <td className="no-print px-3 py-2 text-right whitespace-nowrap">
                  {s.current ? null : (
                    <form action={formAction} aria-label={`${t.end}: ${s.device} ${s.ip}`}>
                      <input type="hidden" name="session" value={s.handle} />
                      <SubmitButton pending={pending} tone="secondary">
                        {t.end}
                      </SubmitButton>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="no-print mt-4">
        {others > 0 ? (
          <form action={formAction}>
            <input type="hidden" name="session" value="others" />
            <SubmitButton pending={pending} tone="danger">
              {t.endOthers}
            </SubmitButton>
          </form>
        ) : (
          <p className="text-sm text-slate-600">{t.onlyThis}</p>
        )}
      </div>
    </section>
  );
}
