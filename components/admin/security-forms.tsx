'use client';
// The security admin's forms: the policy (with the version seen), a user's roles (with the version seen), and
// ending a user's sessions.
import { useActionState } from 'react';
import { policyFields, type FormAction, type PolicyField } from '@/components/admin/types';
import { CheckboxGroup, type ChoiceOption } from '@/components/ui/choice';
import { Field, FormMessage, SubmitButton } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/action-state';

function Outcome({ state, success }: { state: ActionState<unknown>; success: string }) {
  if (state.status === 'error') return <FormMessage tone="error" message={state.message} />;
  if (state.status === 'success') return <FormMessage tone="success" message={success} />;
  return null;
}

export function PolicyForm({
  action,
  policy,
  version,
  text: t,
}: {
  action: FormAction;
  policy: Record<PolicyField, number> & { secondFactorForAll: boolean };
  version: number;
  text: {
    title: string;
    hint: string;
    submit: string;
    saved: string;
    labels: Record<PolicyField, string>;
    hints: Record<PolicyField, string>;
    secondFactor: { legend: string; label: string; hint: string };
  };
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const typed = state.status === 'error' ? state.values : undefined;
  return (
    <form action={formAction} noValidate aria-labelledby="policy-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="policy-title" className="mb-1 text-lg font-semibold text-brand-900">
        {t.title}
      </h2>
      <p className="mb-3 text-xs text-slate-500">{t.hint}</p>
      <Outcome state={state} success={t.saved} />
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        {policyFields.map((name) => (
          <Field
            key={`${name}@${version}`}
            label={t.labels[name]}
            name={name}
            type="number"
            inputMode="numeric"
            hint={t.hints[name]}
            defaultValue={typeof typed?.[name] === 'string' ? (typed[name] as string) : policy[name]}
            errors={state.fieldErrors?.[name]}
          />
        ))}
      </div>
      <CheckboxGroup
        key={`secondFactorForAll@${version}:${state.status}`}
        legend={t.secondFactor.legend}
        name="secondFactorForAll"
        options={[{ value: 'true', label: t.secondFactor.label }]}
        checked={(typed ? typed.secondFactorForAll === 'true' : policy.secondFactorForAll) ? ['true'] : []}
        hint={t.secondFactor.hint}
        errors={state.fieldErrors?.secondFactorForAll}
      />
      <SubmitButton pending={pending}>{t.submit}</SubmitButton>
    </form>
  );
}

export function AssignRolesForm({
  action,
  user,
  roles,
  text: t,
}: {
  action: FormAction;
  user: { id: number; version: number; roles: string[] };
  roles: ChoiceOption[];
  text: { title: string; hint: string; submit: string; saved: string };
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  // After a refusal the boxes show what the admin ticked, not what is stored; the key makes them take it.
  const typed = state.status === 'error' ? state.values?.roles : undefined;
  const checked = typed === undefined ? (state.status === 'error' ? [] : user.roles) : [typed].flat().map(String);
  return (
    <form action={formAction} noValidate aria-label={t.title}>
      <Outcome state={state} success={t.saved} />
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <CheckboxGroup
        key={`${user.id}@${user.version}:${checked.join(',')}`}
        legend={t.title}
        name="roles"
        options={roles}
        checked={checked}
        hint={t.hint}
        errors={state.fieldErrors?.roles ?? state.fieldErrors?.['roles.0']}
      />
      <SubmitButton pending={pending}>{t.submit}</SubmitButton>
    </form>
  );
}

/** An irreversible step on one account that needs a reason and says how many sessions it ended. */
export function AccountDangerForm({
  action,
  hidden,
  idPrefix,
  text: t,
}: {
  action: FormAction<{ count: number }>;
  /** The account (`userId`) and, where the step is version-checked, the `version` the admin saw. */
  hidden: Record<string, number>;
  /** Prefixes the field ids: several of these forms share one page. */
  idPrefix: string;
  text: { title: string; hint: string; reason: string; submit: string; /** With `{count}`. */ done: string };
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  return (
    <form action={formAction} noValidate aria-label={t.title}>
      <h3 className="mb-2 font-semibold">{t.title}</h3>
      <p className="mb-2 text-xs text-slate-500">{t.hint}</p>
      <Outcome state={state} success={t.done.replace('{count}', String(state.data?.count ?? 0))} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field label={t.reason} name="reason" id={`${idPrefix}-reason`} autoComplete="off" errors={state.fieldErrors?.reason} />
      <SubmitButton pending={pending} tone="danger">
        {t.submit}
      </SubmitButton>
    </form>
  );
}
