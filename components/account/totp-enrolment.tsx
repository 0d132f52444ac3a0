'use client';

import { Link } from '@/components/ui/link';
import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/action-state';

export interface TotpText {
  start: string;
  /** The QR code's alternative text. */
  qrAlt: string;
  qrHint: string;
  secretLabel: string;
  secretHint: string;
  code: string;
  confirm: string;
  done: string;
  recoveryHint: string;
  continue: string;
}

export function TotpEnrolment({
  begin,
  confirm,
  text,
}: {
  begin: (state: ActionState<{ secret: string; uri: string; qr: string }>, formData: FormData) => Promise<ActionState<{ secret: string; uri: string; qr: string }>>;
  confirm: (state: ActionState<{ recoveryCodes: string[] }>, formData: FormData) => Promise<ActionState<{ recoveryCodes: string[] }>>;
  text: TotpText;
}) {
  const [started, startAction, starting] = useActionState(begin, { status: 'idle' });
  const [confirmed, confirmAction, confirming] = useActionState(confirm, { status: 'idle' });

  if (confirmed.status === 'success' && confirmed.data) {
    return (
      <div>
        <FormMessage tone="success" message={text.done} />
        <p className="mb-2 text-sm">{text.recoveryHint}</p>
        <ul className="num mb-4 grid grid-cols-2 gap-1 rounded border border-slate-200 bg-white p-3 font-mono text-sm" aria-label="recovery codes">
          {confirmed.data.recoveryCodes.map((c) => <li key={c}>{c}</li>)}
        </ul>
        <Link href="/" className="rounded bg-brand-700 px-4 py-2 text-sm text-white no-underline">{text.continue}</Link>
      </div>
    );
  }
  if (started.status !== 'success' || !started.data) {
    return (
      <form action={startAction}>
        <FormMessage tone="error" message={started.status === 'error' ? started.message : undefined} />
        <SubmitButton pending={starting}>{text.start}</SubmitButton>
      </form>
    );
  }
  return (
    <div>
      <div className="mb-4 flex flex-col gap-4 sm:flex-row sm:items-start">
        <figure className="shrink-0">
          {/* A data URL drawn on the server (lib/auth/totp-qr.ts): next/image has nothing to optimise here. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={started.data.qr} alt={text.qrAlt} width={192} height={192} data-testid="totp-qr" className="rounded border border-slate-200 bg-white" />
          <figcaption className="mt-1 max-w-48 text-xs text-slate-600">{text.qrHint}</figcaption>
        </figure>
        <div className="min-w-0">
          <p className="mb-1 text-sm font-medium">{text.secretLabel}</p>
          <p className="mb-1 break-all rounded bg-slate-100 p-2 font-mono text-lg tracking-wider" data-testid="totp-secret">{started.data.secret}</p>
          <p className="mb-2 text-xs text-slate-600">{text.secretHint}</p>
          <p className="break-all text-xs text-slate-600">{started.data.uri}</p>
        </div>
      </div>
      <form action={confirmAction} noValidate className="max-w-xs">
        <FormMessage tone="error" message={confirmed.status === 'error' ? confirmed.message : undefined} />
        <Field label={text.code} name="code" inputMode="numeric" autoComplete="one-time-code" errors={confirmed.fieldErrors?.code} />
        <SubmitButton pending={confirming}>{text.confirm}</SubmitButton>
      </form>
    </div>
  );
}
