'use client';
// The bureau's 任务分解 grid: each town's and park's share of one indicator's milestones, typed cell by cell and saved
// all at once, effective from a month. Each cell carries the token of what the bureau saw (a cell changed since then
// conflicts). The footer shows what the shares add up to against the district target, and the gap; a gap is allowed.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Field, FormMessage, SubmitButton, fieldAria } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/action-state';

export interface ShareGridView {
  indicatorCode: string;
  unitLabel: string;
  years: { year: number; target: string; text: string }[];
  groups: {
    name: string;
    rows: { unitId: number; name: string; cells: { year: number; value: string; since: string | null; later: string | null; token: string }[] }[];
    /** The group's own sum against the district target (each group splits the whole target). */
    totals: { year: number; sum: string; target: string; difference: string; tone: 'ok' | 'over' | 'under'; missing: number }[];
  }[];
}

/** What a save wrote: cells set, and cells equal to the share in force (left alone). */
type ShareGridResult = { written: number; unchanged: number };

type Act = (previous: ActionState<ShareGridResult>, formData: FormData) => Promise<ActionState<ShareGridResult>>;

export function ShareGridForm({ view, defaultMonth, action }: { view: ShareGridView; defaultMonth: string; action: Act }) {
  const t = useTranslations('rankings.shares');
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ActionState<ShareGridResult>);
  const echoed = (name: string, fallback: string) => (state.status === 'error' && state.values && name in state.values ? String(state.values[name]) : fallback);
  const errorsOf = (name: string) => state.fieldErrors?.[name];
  const tones = { ok: 'text-green-800', over: 'text-amber-800', under: 'text-red-700' };
  return (
    <form action={formAction} className="rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <input type="hidden" name="indicatorCode" value={view.indicatorCode} />
      <div className="grid gap-x-4 sm:grid-cols-[12rem_1fr]">
        <Field label={t('effectiveFrom')} name="effectiveFrom" type="month" required defaultValue={echoed('effectiveFrom', defaultMonth)} errors={errorsOf('effectiveFrom')} hint={t('effectiveHint')} />
        <Field label={t('note')} name="note" maxLength={500} defaultValue={echoed('note', '')} errors={errorsOf('note')} />
      </div>
      <FormMessage tone="error" message={state.status === 'error' ? state.message : undefined} />
      <FormMessage tone="success" message={state.status === 'success' && state.data ? t('saved', { written: state.data.written, unchanged: state.data.unchanged }) : undefined} />
      <div className="overflow-x-auto">
        <table className="w-full min-w-[18rem] max-w-3xl border-collapse text-sm">
          <caption className="sr-only">{t('caption')}</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left text-slate-600">
              <th scope="col" className="py-2 pr-2 font-medium">{t('unit')}</th>
              {view.years.map((y) => (
                <th key={y.year} scope="col" className="px-2 py-2 text-right font-medium">
                  {t('yearShare', { year: y.year, unit: view.unitLabel })}
                  <span className="block text-xs font-normal text-slate-500">{t('districtTarget', { target: y.target })}</span>
                </th>
              ))}
            </tr>
          </thead>
          {view.groups.map((g, gi) => (
            <tbody key={g.name}>
              <tr>
                <th colSpan={view.years.length + 1} scope="colgroup" className="bg-slate-50 px-2 py-1 text-left font-semibold text-slate-700">{g.name}</th>
              </tr>
              {g.rows.map((r) => (
                <tr key={r.unitId} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-2 text-left font-normal">{r.name}</th>
                  {r.cells.map((c) => {
                    const base = `cells.${r.unitId}_${c.year}`;
                    const errors = errorsOf(`${base}.value`);
                    return (
                      <td key={c.year} className="px-2 py-1 text-right align-top">
                        <input type="hidden" name={`${base}.seen`} value={c.token} />
                        <input
                          id={`${base}.value`}
                          name={`${base}.value`}
                          inputMode="decimal"
                          aria-label={`${r.name} ${c.year}`}
                          defaultValue={echoed(`${base}.value`, c.value)}
                          {...fieldAria(`${base}.value`, errors)}
                          className="w-24 rounded border border-slate-300 px-2 py-1 text-right aria-[invalid]:border-red-500"
                        />
                        {c.since ? <span className="block text-xs text-slate-500">{t('since', { month: c.since })}</span> : null}
                        {c.later ? <span className="block text-xs text-amber-700">{c.later}</span> : null}
                        <div id={`${base}.value-error`} aria-live="polite" className="text-xs text-red-700">
                          {errors?.map((e) => <p key={e}>{e}</p>)}
                        </div>
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr className="border-b-2 border-t-2 border-slate-300" data-group-total={gi}>
                <th scope="row" className="py-2 pr-2 text-left">{t('sum', { group: g.name })}</th>
                {g.totals.map((s) => (
                  <td key={s.year} className="px-2 py-2 text-right" data-year={s.year}>
                    <span className="block font-semibold">{t('sumOf', { sum: s.sum, target: s.target })}</span>
                    <span className={`block text-xs ${tones[s.tone]}`}>{s.tone === 'ok' ? t('balanced') : t('difference', { difference: s.difference })}</span>
                    {s.missing ? <span className="block text-xs text-slate-500">{t('missing', { count: s.missing })}</span> : null}
                  </td>
                ))}
              </tr>
            </tbody>
          ))}
        </table>
      </div>
      <p className="my-3 text-xs text-slate-500">{t('hint')}</p>
      <SubmitButton pending={pending}>{t('save')}</SubmitButton>
    </form>
  );
}
