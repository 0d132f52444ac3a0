'use client';
// The API clients as the system admin sees them, with a revoke button for each active one (bound to the version
// shown). Never a token: only its prefix.
import { useActionState } from 'react';
import type { FormAction } from '@/components/admin/types';
import { Badge } from '@/components/ui/badge';
import { FormMessage, SubmitButton } from '@/components/ui/field';

export interface ApiClientRow {
  id: number;
  name: string;
  scopes: string[];
  scopeText: string;
  tokenPrefix: string;
  expires: string;
  rate: string;
  state: 'active' | 'revoked' | 'expired';
  stateText: string;
  version: number;
}

export interface ApiClientTableText {
  caption: string;
  empty: string;
  name: string;
  scopes: string;
  scope: string;
  prefix: string;
  expires: string;
  rate: string;
  status: string;
  actions: string;
  revoke: string;
  revokeConfirm: string;
  revoked: string;
}

function RevokeForm({ action, row, text: t }: { action: FormAction<{ name: string }>; row: ApiClientRow; text: ApiClientTableText }) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  if (state.status === 'success') return <FormMessage tone="success" message={t.revoked.replace('{name}', state.data?.name ?? row.name)} />;
  return (
    <form action={formAction} onSubmit={(ev) => (window.confirm(t.revokeConfirm) ? undefined : ev.preventDefault())} aria-label={`${t.revoke} ${row.name}`}>
      <input type="hidden" name="clientId" value={row.id} />
      <input type="hidden" name="version" value={row.version} />
      {state.status === 'error' ? <FormMessage tone="error" message={state.message} /> : null}
      <SubmitButton pending={pending} tone="danger">
        {t.revoke}
      </SubmitButton>
    </form>
  );
}

export function ApiClientTable({ rows, action, text: t }: { rows: ApiClientRow[]; action: FormAction<{ name: string }>; text: ApiClientTableText }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t.empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="mb-2 text-left text-lg font-semibold text-brand-900">{t.caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left text-xs text-slate-600">
            <th className="py-2 pr-3">{t.name}</th>
            <th className="py-2 pr-3">{t.scopes}</th>
            <th className="py-2 pr-3">{t.prefix}</th>
            <th className="py-2 pr-3">{t.expires}</th>
            <th className="py-2 pr-3">{t.status}</th>
            <th className="no-print py-2">{t.actions}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-api-client={r.name} data-state={r.state} className="border-b border-slate-200 align-top">
              <td className="py-2 pr-3 font-medium">{r.name}</td>
              <td className="py-2 pr-3">
                {r.scopes.join(' · ')}
                <span className="block text-xs text-slate-500">{r.scopeText}</span>
                <span className="block text-xs text-slate-500">{r.rate}</span>
              </td>
              <td className="py-2 pr-3 font-mono text-xs">{r.tokenPrefix}…</td>
              <td className="py-2 pr-3 tabular-nums">{r.expires}</td>
              <td className="py-2 pr-3">
                <Badge tone={r.state === 'active' ? 'ok' : 'bad'}>{r.stateText}</Badge>
              </td>
              <td className="no-print py-2">{r.state === 'active' ? <RevokeForm action={action} row={r} text={t} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
