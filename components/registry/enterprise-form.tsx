'use client';
// A firm typed in or corrected: input names equal the schema keys (lib/schemas/registry/enterprise.ts), every field
// has its own error slot; a wrong credit code comes back with the GB 32100-2015 rule it breaks; an edit carries the
// version it was read at, so a firm changed by someone else meanwhile is refused, not overwritten.
import { useActionState, useState } from 'react';
import { FormMessage, HintAndErrors, SubmitButton, fieldAria } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/action-state';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- create answers { id }, update { version }
type Action = (state: ActionState<any>, formData: FormData) => Promise<ActionState<any>>;

export interface EnterpriseFormValues {
  enterpriseId?: number;
  version?: number;
  creditCode: string;
  name: string;
  townUnitId: number | null;
  parkUnitId: number | null;
  clusterTask: number | null;
  aboveScale: boolean;
  foundedOn: string | null;
}

const control = 'w-full rounded border border-slate-300 bg-white px-3 py-2 text-base focus:border-brand-600 focus:outline-none aria-[invalid]:border-red-500';
const label = 'mb-1 block text-sm font-medium text-slate-700';

export function EnterpriseForm({
  action,
  values,
  towns,
  parks,
  clusters,
  text: t,
}: {
  action: Action;
  values: EnterpriseFormValues;
  towns: { id: number; name: string }[];
  parks: { id: number; name: string }[];
  clusters: { no: number; title: string }[];
  text: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ActionState<unknown>);
  const errors = state.fieldErrors ?? {};
  // Kept by the form itself: the gate does not echo fields named like codes, and the user must see what they typed.
  const [code, setCode] = useState(values.creditCode);
  const editing = values.enterpriseId !== undefined;
  const typed = (name: string, fallback: string) => (state.status === 'error' && state.values ? String(state.values[name] ?? '') : fallback);
  const version = (state.status === 'success' ? (state.data as { version?: number })?.version : undefined) ?? values.version;
  return (
    <form action={formAction} noValidate aria-label={editing ? t.editTitle : t.newTitle} className="max-w-2xl rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      {state.status === 'error' ? <FormMessage tone="error" message={state.message} /> : null}
      {state.status === 'success' && editing ? <FormMessage tone="success" message={t.saved} /> : null}
      {editing ? (
        <>
          <input type="hidden" name="enterpriseId" value={values.enterpriseId} />
          <input type="hidden" name="version" value={version} />
          <p className="mb-4 text-sm text-slate-600">
            {t.creditCode}：<span className="num">{values.creditCode}</span>
          </p>
        </>
      ) : (
        <div className="mb-4">
          <label htmlFor="creditCode" className={label}>{t.creditCode}</label>
          <input id="creditCode" name="creditCode" required maxLength={30} autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} className={`${control} num uppercase`} {...fieldAria('creditCode', errors.creditCode, t.creditCodeHint)} />
          <HintAndErrors name="creditCode" errors={errors.creditCode} hint={t.creditCodeHint} />
        </div>
      )}
      <div className="mb-4">
        <label htmlFor="name" className={label}>{t.name}</label>
        <input id="name" name="name" required maxLength={100} defaultValue={typed('name', values.name)} className={control} {...fieldAria('name', errors.name)} />
        <HintAndErrors name="name" errors={errors.name} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="mb-4">
          <label htmlFor="townUnitId" className={label}>{t.town}</label>
          <select id="townUnitId" name="townUnitId" defaultValue={typed('townUnitId', values.townUnitId?.toString() ?? '')} className={control} {...fieldAria('townUnitId', errors.townUnitId)}>
            <option value="">{t.none}</option>
            {towns.map((u) => (
              <option key={u.id} value={u.id}>{u.name}</option>
            ))}
          </select>
          <HintAndErrors name="townUnitId" errors={errors.townUnitId} />
        </div>
        <div className="mb-4">
          <label htmlFor="parkUnitId" className={label}>{t.park}</label>
          <select id="parkUnitId" name="parkUnitId" defaultValue={typed('parkUnitId', values.parkUnitId?.toString() ?? '')} className={control} {...fieldAria('parkUnitId', errors.parkUnitId)}>
            <option value="">{t.none}</option>
            {parks.map((u) => (
              <option key={u.id} value={u.id}>{u.name}</option>
            ))}
          </select>
          <HintAndErrors name="parkUnitId" errors={errors.parkUnitId} />
        </div>
        <div className="mb-4">
          <label htmlFor="clusterTask" className={label}>{t.cluster}</label>
          <select id="clusterTask" name="clusterTask" defaultValue={typed('clusterTask', values.clusterTask?.toString() ?? '')} className={control} {...fieldAria('clusterTask', errors.clusterTask)}>
            <option value="">{t.none}</option>
            {clusters.map((c) => (
              <option key={c.no} value={c.no}>{c.title ? `${c.no}. ${c.title}` : c.no}</option>
            ))}
          </select>
          <HintAndErrors name="clusterTask" errors={errors.clusterTask} />
        </div>
        <div className="mb-4">
          <label htmlFor="foundedOn" className={label}>{t.foundedOn}</label>
          <input id="foundedOn" name="foundedOn" type="date" defaultValue={typed('foundedOn', values.foundedOn ?? '')} className={control} {...fieldAria('foundedOn', errors.foundedOn)} />
          <HintAndErrors name="foundedOn" errors={errors.foundedOn} />
        </div>
      </div>
      <div className="mb-4 flex items-center gap-2">
        <input id="aboveScale" name="aboveScale" type="checkbox" defaultChecked={state.status === 'error' && state.values ? state.values.aboveScale === 'on' : values.aboveScale} className="h-4 w-4" />
        <label htmlFor="aboveScale" className="text-sm text-slate-700">{t.aboveScale}</label>
      </div>
      <SubmitButton pending={pending}>{editing ? t.save : t.create}</SubmitButton>
    </form>
  );
}
