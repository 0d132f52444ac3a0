'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/action-state';

export function ChangePasswordForm({
  action,
  text,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  text: { current: string; next: string; confirm: string; rules: string; submit: string };
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ActionState);
  return (
    <form action={formAction} noValidate className="max-w-md">
      <FormMessage tone="error" message={state.status === 'error' ? state.message : undefined} />
      <Field label={text.current} name="currentPassword" type="password" autoComplete="current-password" errors={state.fieldErrors?.currentPassword} />
      <Field label={text.next} name="newPassword" type="password" autoComplete="new-password" hint={text.rules} errors={state.fieldErrors?.newPassword} />
      <Field label={text.confirm} name="confirmPassword" type="password" autoComplete="new-password" errors={state.fieldErrors?.confirmPassword} />
      <SubmitButton pending={pending}>{text.submit}</SubmitButton>
    </form>
  );
}
