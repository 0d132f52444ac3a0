'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Field, FormMessage, SubmitButton } from '@/components/ui/field';
import { signInSchema } from '@/lib/schemas/auth';

export interface SignInText {
  username: string;
  password: string;
  secondFactor: string;
  secondFactorHint: string;
  submit: string;
  required: string;
  invalid: string;
  secondFactorRequired: string;
  unexpected: string;
}

export function SignInForm({ text, callbackUrl }: { text: SignInText; callbackUrl: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      const errors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (errors[String(issue.path[0])] ??= []).push(text.required);
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    setMessage(undefined);
    setPending(true);
    try {
      const result = await signIn('credentials', { ...parsed.data, redirect: false });
      if (result?.ok && !result.error) {
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      if (result?.error === 'secondFactorRequired') setFieldErrors({ secondFactor: [text.secondFactorRequired] });
      else setMessage(result?.error === 'invalid' || result?.error === 'CredentialsSignin' ? text.invalid : text.unexpected);
    } catch {
      setMessage(text.unexpected);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormMessage tone="error" message={message} />
      <Field label={text.username} name="username" autoComplete="username" required errors={fieldErrors.username} />
      <Field label={text.password} name="password" type="password" autoComplete="current-password" required errors={fieldErrors.password} />
      <Field label={text.secondFactor} name="secondFactor" inputMode="text" autoComplete="one-time-code" hint={text.secondFactorHint} errors={fieldErrors.secondFactor} />
      <SubmitButton pending={pending}>{text.submit}</SubmitButton>
    </form>
  );
}
