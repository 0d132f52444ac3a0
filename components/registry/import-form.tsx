'use client';
// The registry's Excel import: which list, the file, 预览 (reads, writes nothing) and 确认导入 (the same file again with
// the previewed sha256: every row written or none). The preview shows the column mapping, which the user may correct
// (sent back as JSON, remembered for that list when the import is confirmed), and every outcome with its reasons.
import { useActionState, useEffect, useState, useTransition, type FormEvent } from 'react';
import { FormMessage } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/action-state';

type Outcome = 'created' | 'updated' | 'unchanged' | 'refused';
interface Preview {
  list: string;
  fileHash: string;
  fileName: string;
  headers: string[];
  mapping: Record<string, number>;
  counts: Record<Outcome, number>;
  rows: { row: number; creditCode: string; name: string; outcome: Outcome; details: string[] }[];
  canConfirm: boolean;
}
type Result = { intent: 'preview'; preview: Preview } | { intent: 'confirm'; preview: Preview; saved: { counts: Record<Outcome, number> } };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the action's result is read as Result below
type Action = (state: ActionState<any>, formData: FormData) => Promise<ActionState<any>>;

const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));
const canonical = (m: Record<string, number>) => JSON.stringify(Object.entries(m).sort(([a], [b]) => a.localeCompare(b)));
const tone: Record<Outcome, string> = { created: 'bg-green-50', updated: 'bg-amber-50', unchanged: '', refused: 'bg-red-50' };

export function RegistryImportForm({
  action,
  lists,
  fields,
  text: t,
}: {
  action: Action;
  lists: { value: string; label: string }[];
  /** Per list, the fields it can fill with their labels. */
  fields: Record<string, { key: string; label: string }[]>;
  text: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ActionState<unknown>);
  const [, startTransition] = useTransition();
  const [fileChanged, setFileChanged] = useState(false);
  const [list, setList] = useState(lists[0]?.value ?? 'high_tech');
  const [intent, setIntent] = useState<'preview' | 'confirm'>('preview');
  /** The corrected mapping the last preview was read with ('' : the remembered or recognised one). */
  const [override, setOverride] = useState('');
  const [startedAt, setStartedAt] = useState(0);
  const [now, setNow] = useState(0);
  const [edited, setEdited] = useState<{ key: string; mapping: Record<string, number> } | null>(null);
  const result = state.status === 'success' ? (state.data as Result) : null;
  const preview = result?.preview ?? null;

  // The preview's mapping is the editable one until the user changes it; a new preview starts again from its own.
  const previewKey = preview ? `${preview.fileHash}:${canonical(preview.mapping)}` : '';
  const mapping = preview ? (edited?.key === previewKey ? edited.mapping : preview.mapping) : null;
  const setMapping = (next: Record<string, number>) => setEdited({ key: previewKey, mapping: next });
  // Progress: seconds since the request left, shown with what is being done and how many rows.
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [pending]);
  const elapsed = Math.max(0, Math.floor((now - startedAt) / 1000));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(event.currentTarget, submitter);
    setIntent(submitter?.value === 'confirm' ? 'confirm' : 'preview');
    if (submitter?.value !== 'confirm') setOverride(String(data.get('mapping') ?? ''));
    setFileChanged(false);
    setStartedAt(Date.now());
    setNow(Date.now());
    startTransition(() => formAction(data));
  }

  const mappingChanged = Boolean(preview && mapping && canonical(mapping) !== canonical(preview.mapping));
  const canConfirm = result?.intent === 'preview' && preview?.canConfirm && !fileChanged && !mappingChanged && preview.list === list;
  const total = preview ? Object.values(preview.counts).reduce((s, n) => s + n, 0) : 0;
  const writing = preview ? preview.counts.created + preview.counts.updated : 0;

  return (
    <form action={formAction} onSubmit={onSubmit} encType="multipart/form-data" noValidate aria-label={t.form} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <p className="mb-3 text-sm text-slate-600">{t.hint}</p>
      <input type="hidden" name="fileHash" value={result?.intent === 'preview' && !fileChanged ? (preview?.fileHash ?? '') : ''} />
      <input type="hidden" name="mapping" value={preview?.list !== list ? '' : mappingChanged ? JSON.stringify(mapping) : override} />
      <div className="mb-3 grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="import-list" className="mb-1 block text-sm font-medium text-slate-700">{t.list}</label>
          <select id="import-list" name="list" value={list} onChange={(e) => setList(e.target.value)} className="w-full rounded border border-slate-300 bg-white px-3 py-2 text-base">
            {lists.map((l) => (
              <option key={l.value} value={l.value}>{l.label}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="import-file" className="mb-1 block text-sm font-medium text-slate-700">{t.file}</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={() => setFileChanged(true)}
            aria-describedby="file-error"
            className="block w-full text-sm"
          />
          <div id="file-error" aria-live="polite" className="mt-1 text-sm text-red-700">
            {state.status === 'error' ? (state.fieldErrors?.file ?? []).map((e) => <p key={e}>{e}</p>) : null}
            {fileChanged && preview ? <p>{t.fileChanged}</p> : null}
          </div>
        </div>
      </div>
      {state.status === 'error' ? <FormMessage tone="error" message={state.message} /> : null}
      {state.status === 'error' && state.fieldErrors?.mapping ? <FormMessage tone="error" message={state.fieldErrors.mapping.join('；')} /> : null}
      {result?.intent === 'confirm' ? <FormMessage tone="success" message={fill(t.imported, result.saved.counts)} /> : null}
      <div className="no-print mb-4 flex flex-wrap items-center gap-3">
        <button type="submit" name="intent" value="preview" disabled={pending} className="rounded border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60">
          {mappingChanged ? t.previewAgain : t.preview}
        </button>
        <button type="submit" name="intent" value="confirm" disabled={pending || !canConfirm} className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 disabled:opacity-60">
          {t.confirm}
        </button>
      </div>
      {pending ? (
        <div role="status" className="mb-4 text-sm text-slate-700" data-testid="import-progress">
          <progress className="mb-1 block h-2 w-full" aria-label={t.working} />
          {intent === 'confirm' ? fill(t.writing, { rows: writing, seconds: elapsed }) : fill(t.reading, { seconds: elapsed })}
        </div>
      ) : null}
      {preview && mapping ? (
        <section aria-labelledby="mapping-title" className="mb-4">
          <h2 id="mapping-title" className="mb-1 text-sm font-semibold text-brand-900">{t.mapping}</h2>
          <p className="mb-2 text-xs text-slate-500">{t.mappingHint}</p>
          <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {(fields[preview.list] ?? []).map((f) => (
              <label key={f.key} className="flex items-center gap-2 text-sm">
                <span className="w-28 shrink-0 text-slate-700">{f.label}</span>
                <select
                  aria-label={f.label}
                  value={mapping[f.key] ?? ''}
                  onChange={(e) => {
                    const next = { ...mapping };
                    if (e.target.value === '') delete next[f.key];
                    else next[f.key] = Number(e.target.value);
                    setMapping(next);
                  }}
                  className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1"
                >
                  <option value="">{t.unmapped}</option>
                  {preview.headers.map((h, i) => (
                    <option key={`${i}-${h}`} value={i}>{h || fill(t.column, { n: i + 1 })}</option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        </section>
      ) : null}
      {preview ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title" className="mb-2 text-sm font-semibold text-brand-900" data-counts={JSON.stringify(preview.counts)}>
            {fill(t.previewOf, { file: preview.fileName, total, ...preview.counts })}
          </h2>
          {result?.intent === 'preview' && !preview.canConfirm ? <p className="mb-2 text-sm text-amber-800">{preview.counts.refused > 0 ? t.cannotConfirmRefused : t.nothingToWrite}</p> : null}
          <div className="overflow-x-auto">
            <table className="w-full min-w-[560px] text-left text-sm">
              <thead className="border-b border-slate-200 text-xs text-slate-500">
                <tr>
                  <th className="px-2 py-1">{t.row}</th>
                  <th className="px-2 py-1">{t.firm}</th>
                  <th className="px-2 py-1">{t.outcome}</th>
                  <th className="px-2 py-1">{t.details}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={`${r.outcome}-${r.row}`} data-outcome={r.outcome} className={`border-b border-slate-100 ${tone[r.outcome]}`}>
                    <td className="num px-2 py-1">{r.row}</td>
                    <td className="px-2 py-1">
                      {r.name || '—'}
                      <span className="ml-1 text-xs text-slate-500">{r.creditCode}</span>
                    </td>
                    <td className="px-2 py-1">{t[`outcome_${r.outcome}`]}</td>
                    <td className={`px-2 py-1 ${r.outcome === 'refused' ? 'text-red-800' : 'text-slate-600'}`}>{r.details.join('；')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.rows.length < total ? <p className="mt-2 text-xs text-slate-500">{fill(t.rowsShown, { shown: preview.rows.length, total })}</p> : null}
        </section>
      ) : null}
    </form>
  );
}
