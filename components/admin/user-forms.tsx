'use client';
// The system admin's forms: one server action each, the version the admin saw sent back as a hidden field.
import { useActionState } from 'react';
import type { FormAction } from '@/components/admin/types';
import { SelectField, type ChoiceGroup } from '@/components/ui/choice';
import { Field, FormMessage, SubmitButton } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/action-state';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function Outcome({ state, success }: { state: ActionState<unknown>; success: string }) {
  if (state.status === 'error') return <FormMessage tone="error" message={state.message} />;
  if (state.status === 'success') return <FormMessage tone="success" message={success} />;
  return null;
}

export interface CreateUserText {
  title: string;
  username: string;
  usernameHint: string;
  displayName: string;
  unit: string;
  unitHint: string;
  noUnit: string;
  temporaryPassword: string;
  temporaryPasswordHint: string;
  submit: string;
  /** With `{username}`. */
  created: string;
}

export function CreateUserForm({ action, units, text: t }: { action: FormAction<{ id: number; username: string }>; units: ChoiceGroup[]; text: CreateUserText }) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const v = state.status === 'error' ? state.values : undefined;
  return (
    <form action={formAction} noValidate aria-labelledby="create-user-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="create-user-title" className="mb-3 text-lg font-semibold text-brand-900">
        {t.title}
      </h2>
      <Outcome state={state} success={t.created.replace('{username}', state.data?.username ?? '')} />
      <div className="grid gap-x-4 md:grid-cols-2">
        <Field label={t.username} name="username" autoComplete="off" spellCheck={false} hint={t.usernameHint} defaultValue={text(v?.username)} errors={state.fieldErrors?.username} />
        <Field label={t.displayName} name="displayName" autoComplete="off" defaultValue={text(v?.displayName)} errors={state.fieldErrors?.displayName} />
        <SelectField label={t.unit} name="unitId" hint={t.unitHint} options={[{ value: '', label: t.noUnit }]} groups={units} defaultValue={text(v?.unitId) ?? ''} errors={state.fieldErrors?.unitId} />
        <Field label={t.temporaryPassword} name="temporaryPassword" type="password" autoComplete="new-password" hint={t.temporaryPasswordHint} errors={state.fieldErrors?.temporaryPassword} />
      </div>
      <SubmitButton pending={pending}>{t.submit}</SubmitButton>
    </form>
  );
}

interface Target {
  id: number;
  version: number;
}

function TargetFields({ user }: { user: Target }) {
  return (
    <>
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
    </>
  );
}

export function AssignUnitForm({
  action,
  user,
  units,
  text: t,
}: {
  action: FormAction;
  user: Target & { unitId: number | null };
  units: ChoiceGroup[];
  text: { title: string; unit: string; noUnit: string; submit: string; saved: string };
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  return (
    <form action={formAction} noValidate aria-label={t.title}>
      <h3 className="mb-2 font-semibold">{t.title}</h3>
      <Outcome state={state} success={t.saved} />
      <TargetFields user={user} />
      <SelectField key={`${user.id}@${user.version}`} label={t.unit} name="unitId" options={[{ value: '', label: t.noUnit }]} groups={units} defaultValue={user.unitId === null ? '' : String(user.unitId)} errors={state.fieldErrors?.unitId} />
      <SubmitButton pending={pending} tone="secondary">
        {t.submit}
      </SubmitButton>
    </form>
  );
}

export function SetDisabledForm({
  action,
  user,
  text: t,
}: {
  action: FormAction;
  user: Target & { disabled: boolean };
  text: { disableTitle: string; enableTitle: string; disableHint: string; enableHint: string; reason: string; disable: string; enable: string; disabledDone: string; enabledDone: string };
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  // After success the row has flipped: the message describes what was just done.
  const done = user.disabled ? t.disabledDone : t.enabledDone;
  return (
    <form action={formAction} noValidate aria-label={user.disabled ? t.enableTitle : t.disableTitle}>
      <h3 className="mb-2 font-semibold">{user.disabled ? t.enableTitle : t.disableTitle}</h3>
      <p className="mb-2 text-xs text-slate-500">{user.disabled ? t.enableHint : t.disableHint}</p>
      <Outcome state={state} success={done} />
      <TargetFields user={user} />
      <input type="hidden" name="disabled" value={user.disabled ? 'false' : 'true'} />
      <Field label={t.reason} name="reason" autoComplete="off" errors={state.fieldErrors?.reason} />
      <SubmitButton pending={pending} tone={user.disabled ? 'primary' : 'danger'}>
        {user.disabled ? t.enable : t.disable}
      </SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({
  action,
  user,
  text: t,
}: {
  action: FormAction;
  user: Target;
  text: { title: string; hint: string; temporaryPassword: string; temporaryPasswordHint: string; submit: string; done: string };
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  return (
    <form action={formAction} noValidate aria-label={t.title}>
      <h3 className="mb-2 font-semibold">{t.title}</h3>
      <p className="mb-2 text-xs text-slate-500">{t.hint}</p>
      <Outcome state={state} success={t.done} />
      <TargetFields user={user} />
      <Field label={t.temporaryPassword} name="temporaryPassword" type="password" autoComplete="new-password" hint={t.temporaryPasswordHint} errors={state.fieldErrors?.temporaryPassword} />
      <SubmitButton pending={pending} tone="danger">
        {t.submit}
      </SubmitButton>
    </form>
  );
}
