'use client';
// Excel import: one form, the file input and two buttons. 预览 reads the file and writes nothing; 确认导入 sends the
// same file again with the previewed sha256, and the server writes it only if the hashes match.
import { useActionState, useState, useTransition, type FormEvent } from 'react';
import { FormMessage } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/action-state';
import { BreakdownNote, type BreakdownTemplates } from './breakdown-note';
import { fill } from './types';
import type { BreakdownCheck } from '@/lib/reporting/breakdown-check';

interface PreviewRow {
  sheet: 'values' | 'tasks';
  row: number;
  label: string;
  action: 'create' | 'change' | 'unchanged' | 'reject';
  oldValue: string | null;
  newValue: string | null;
  reasons: string[];
}
interface Preview {
  fileHash: string;
  fileName: string;
  rows: PreviewRow[];
  counts: Record<PreviewRow['action'], number>;
  canConfirm: boolean;
  breakdowns: { indicator: string; unit: string; group: string; groupId: number; check: BreakdownCheck }[];
}
type Result = { intent: 'preview'; preview: Preview } | { intent: 'confirm'; preview: Preview; saved: { created: number; changed: number } };

const rowTone: Record<PreviewRow['action'], string> = { create: 'bg-green-50', change: 'bg-amber-50', unchanged: '', reject: 'bg-red-50' };

export function ImportForm({
  action,
  month,
  text: t,
  rowLabels,
  validation,
  breakdownTemplates,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the action's result is read as Result below
  action: (state: ActionState<any>, formData: FormData) => Promise<ActionState<any>>;
  month: string;
  text: Record<string, string>;
  rowLabels: Record<string, string>;
  validation: Record<string, string>;
  breakdownTemplates: BreakdownTemplates;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ActionState<unknown>);
  const [, startTransition] = useTransition();
  const [fileChanged, setFileChanged] = useState(false);
  const result = state.status === 'success' ? (state.data as Result) : null;
  const preview = result?.preview ?? null;
  const translate = (key: string) => (key.startsWith('validation.') ? (validation[key.slice(11)] ?? key) : key);

  // Submitted by hand so that the chosen file stays in the input for the confirm.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(event.currentTarget, submitter);
    setFileChanged(false);
    startTransition(() => formAction(data));
  }

  const canConfirm = result?.intent === 'preview' && preview?.canConfirm && !fileChanged;
  return (
    <form action={formAction} onSubmit={onSubmit} encType="multipart/form-data" noValidate aria-label={t.import} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <p className="mb-3 text-sm text-slate-600">{t.importHint}</p>
      <input type="hidden" name="month" value={month} />
      <input type="hidden" name="fileHash" value={result?.intent === 'preview' && !fileChanged ? (preview?.fileHash ?? '') : ''} />
      <label htmlFor="import-file" className="mb-1 block text-sm font-medium text-slate-700">
        {t.file}
      </label>
      <input
        id="import-file"
        name="file"
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={() => setFileChanged(true)}
        aria-describedby="file-error"
        className="mb-1 block w-full text-sm"
      />
      <div id="file-error" aria-live="polite" className="mb-3 text-sm text-red-700">
        {state.status === 'error' ? [...(state.fieldErrors?.file ?? [])].map((e) => <p key={e}>{e}</p>) : null}
        {fileChanged && preview ? <p>{t.fileChangedSince}</p> : null}
      </div>
      {state.status === 'error' ? <FormMessage tone="error" message={state.message} /> : null}
      {result?.intent === 'confirm' ? <FormMessage tone="success" message={fill(t.imported, { created: result.saved.created, changed: result.saved.changed })} /> : null}
      <div className="no-print mb-4 flex flex-wrap gap-3">
        <button type="submit" name="intent" value="preview" disabled={pending} className="rounded border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60">
          {t.preview}
        </button>
        <button type="submit" name="intent" value="confirm" disabled={pending || !canConfirm} className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 disabled:opacity-60">
          {t.confirm}
        </button>
      </div>
      {preview ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title" className="mb-2 text-sm font-semibold text-brand-900" data-counts={JSON.stringify(preview.counts)}>
            {fill(t.previewOf, { file: preview.fileName, ...preview.counts })}
          </h2>
          {result?.intent === 'preview' && !preview.canConfirm ? <p className="mb-2 text-sm text-amber-800">{t.cannotConfirm}</p> : null}
          {preview.breakdowns.length > 0 ? (
            <ul className="mb-3 space-y-1" data-breakdown-checks>
              {preview.breakdowns.map((b) => (
                <li key={`${b.indicator}-${b.groupId}`} className="flex flex-wrap items-baseline gap-x-2">
                  <span className="text-sm font-medium text-slate-800">{b.indicator}</span>
                  <BreakdownNote check={b.check} group={b.group} unit={b.unit} groupId={b.groupId} templates={breakdownTemplates} />
                </li>
              ))}
            </ul>
          ) : null}
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-xs text-slate-500">
                <tr>
                  <th className="px-2 py-1">{t.row}</th>
                  <th className="px-2 py-1">{t.item}</th>
                  <th className="px-2 py-1">{t.action}</th>
                  <th className="px-2 py-1 text-right">{t.old}</th>
                  <th className="px-2 py-1 text-right">{t.new}</th>
                  <th className="px-2 py-1">{t.reasons}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={`${r.sheet}-${r.row}`} data-action={r.action} className={`border-b border-slate-100 ${rowTone[r.action]}`}>
                    <td className="px-2 py-1 num">{r.row}</td>
                    <td className="px-2 py-1">{r.label}</td>
                    <td className="px-2 py-1">{rowLabels[r.action] ?? r.action}</td>
                    <td className="px-2 py-1 text-right num">{r.oldValue ?? '—'}</td>
                    <td className="px-2 py-1 text-right num">{r.newValue ?? '—'}</td>
                    <td className="px-2 py-1 text-red-800">{r.reasons.map(translate).join('；')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </form>
  );
}
