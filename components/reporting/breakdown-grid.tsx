// A breakdown group (the 17 镇街, the 4 园区) as a compact grid: one row per member with last month, this month, the
// change and a note. Enter moves down a column (the form handles it, data-nav); a column copied from Excel and pasted
// into a cell fills that cell and the editable ones below it, checked with the server's schema (lib/reporting/paste.ts),
// all or nothing. The grid scrolls inside its own box, so the page stays within a phone's width.
import { useState, type ClipboardEvent } from 'react';
import { parseFigure, type FigureRules } from '@/lib/reporting/figures';
import { planPaste, type PasteOutcome } from '@/lib/reporting/paste';
import { breakdownTotal, figureDifference } from '@/lib/reporting/totals';
import { RegistryCell } from './registry-cell';
import { ErrorSlot, fieldId, liveValue, StatusBadge, type BlockProps } from './form-parts';
import { WithdrawItem } from './withdraw';
import { fill, type EntryIndicator, type EntryItem } from './types';

const cellInput = 'w-24 rounded border border-slate-300 px-2 py-1 text-right text-base tabular-nums focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid]:border-red-500';
const noteInput = 'w-40 lg:w-64 rounded border border-slate-300 px-2 py-1 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid]:border-red-500';

/** This month against last, signed, exact; '—' when either is missing or not a number. */
function change(current: string | null, previous: number | undefined, rules: FigureRules): string {
  if (current === null || current.trim() === '' || previous === undefined) return '—';
  const parsed = parseFigure(current, rules);
  if (!parsed.ok) return '—';
  const d = figureDifference(parsed.value, String(previous));
  return d === '0' ? '0' : d.startsWith('-') ? `−${d.slice(1)}` : `+${d}`;
}

function pasteMessage(outcome: Exclude<PasteOutcome, { kind: 'single' | 'fill' }>, t: Record<string, string>, validation: Record<string, string>): string[] {
  if (outcome.kind === 'tooMany') return [fill(t.pasteTooMany, { pasted: outcome.pasted, rows: outcome.rows })];
  if (outcome.kind === 'columns') return [fill(t.pasteColumns, { columns: outcome.columns })];
  return [t.pasteInvalid, ...outcome.errors.map((e) => fill(t.pasteRow, { row: e.row, label: e.label, value: e.value, message: validation[e.message.replace(/^validation\./, '')] ?? e.message }))];
}

export function BreakdownGrid(props: BlockProps & { group: EntryIndicator['groups'][number]; members: EntryItem[] }) {
  const { indicator, group, members, typed, errors, histories, text: t, labels, month, onFill } = props;
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; lines: string[] } | null>(null);
  const rules: FigureRules = { unit: indicator.unit, decimals: indicator.decimals };
  const editable = members.filter((m) => m.editable);

  function onPaste(event: ClipboardEvent<HTMLInputElement>, item: EntryItem) {
    const from = editable.findIndex((m) => m.key === item.key);
    const targets = editable.slice(from).map((m) => ({ key: m.key, label: m.subject.name, rules }));
    const outcome = planPaste(event.clipboardData.getData('text/plain'), month, targets);
    if (outcome.kind === 'single') return;
    event.preventDefault();
    if (outcome.kind !== 'fill') {
      setMessage({ tone: 'error', lines: pasteMessage(outcome, t, labels.validation) });
      return;
    }
    const form = event.currentTarget.form;
    const filled: Record<string, string> = {};
    for (const { key, value } of outcome.values) {
      const name = `values.${key}.value`;
      const el = form?.elements.namedItem(name);
      if (el instanceof HTMLInputElement) el.value = value;
      filled[name] = value;
    }
    onFill(filled);
    setMessage({ tone: 'ok', lines: [fill(t.pasted, { count: outcome.values.length, label: item.subject.name })] });
  }

  const previousSum = breakdownTotal(members.map((m) => (m.previous ? String(m.previous.value) : null)));
  const liveSum = breakdownTotal(members.map((m) => liveValue(typed, m)));
  const captionId = `grid-${indicator.code}-${group.id}`;
  return (
    <div className="mt-3" data-grid={group.id}>
      <h3 id={captionId} className="mb-1 text-sm font-semibold text-slate-800">
        {group.name}
      </h3>
      <div role="status" aria-live="polite" data-paste-message className={message?.tone === 'error' ? 'mb-1 rounded bg-red-50 px-2 py-1 text-sm text-red-800 ring-1 ring-red-200' : 'text-sm text-green-800'}>
        {message?.lines.map((line) => <p key={line}>{line}</p>)}
      </div>
      <div className="max-w-full overflow-x-auto rounded border border-slate-200" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="min-w-full border-collapse text-sm">
          <thead className="whitespace-nowrap bg-slate-50 text-left text-xs text-slate-600">
            <tr>
              <th scope="col" className="sticky left-0 z-10 bg-slate-50 px-2 py-1.5 font-medium">{t.gridSubject}</th>
              <th scope="col" className="px-2 py-1.5 text-right font-medium">{t.gridPrevious}</th>
              <th scope="col" className="px-2 py-1.5 text-right font-medium">{t.gridCurrent}</th>
              <th scope="col" className="px-2 py-1.5 text-right font-medium">{t.gridChange}</th>
              <th scope="col" className="px-2 py-1.5 font-medium">{t.gridNote}</th>
              <th scope="col" className="px-2 py-1.5 font-medium">{t.gridStatus}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((item) => (
              <GridRow key={item.key} item={item} rules={rules} live={liveValue(typed, item)} typed={typed} errors={errors} history={histories[item.key]} t={t} labels={labels} indicator={indicator} onPaste={onPaste} />
            ))}
          </tbody>
          <tfoot className="border-t border-slate-300 bg-slate-50 font-medium">
            <tr data-grid-sum={group.id}>
              <th scope="row" className="sticky left-0 z-10 bg-slate-50 px-2 py-1.5 text-left">{t.gridSum}</th>
              <td className="px-2 py-1.5 text-right tabular-nums">{previousSum.entered > 0 ? previousSum.total : '—'}</td>
              <td className="px-2 py-1.5 text-right tabular-nums" data-live-sum aria-live="polite">{liveSum.total}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{previousSum.entered > 0 && liveSum.entered > 0 ? change(liveSum.total, Number(previousSum.total), { unit: '', decimals: 4 }) : '—'}</td>
              <td className="px-2 py-1.5 text-xs font-normal text-slate-600" colSpan={2}>{fill(t.gridEntered, { entered: liveSum.entered, members: members.length })}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}

function GridRow({ item, rules, live, typed, errors, history, t, labels, indicator, onPaste }: {
  item: EntryItem;
  rules: FigureRules;
  live: string | null;
  typed: Record<string, string>;
  errors?: Record<string, string[]>;
  history?: React.ReactNode;
  t: Record<string, string>;
  labels: BlockProps['labels'];
  indicator: EntryIndicator;
  onPaste: (event: ClipboardEvent<HTMLInputElement>, item: EntryItem) => void;
}) {
  const name = `values.${item.key}.value`;
  const commentName = `values.${item.key}.comment`;
  const id = fieldId(name);
  const valueErrors = errors?.[name];
  const commentErrors = errors?.[commentName];
  const warnings = item.current?.warnings ?? [];
  const status = item.current?.status ?? 'none';
  const subject = item.subject.name;
  return (
    <tr data-item={item.key} className="align-top">
      <th scope="row" className="sticky left-0 z-10 whitespace-nowrap bg-white px-2 py-1.5 text-left font-normal text-slate-800">
        {subject}
        {item.required ? <span className="text-red-700"> *</span> : null}
      </th>
      <td className="px-2 py-1.5 text-right tabular-nums text-slate-600">{item.previous ? item.previous.value : '—'}</td>
      <td className="px-2 py-1.5 text-right">
        {item.registry ? (
          <RegistryCell id={id} item={item} label={subject} text={t} />
        ) : item.editable ? (
          <>
            <input type="hidden" name={`values.${item.key}.version`} value={item.current?.version ?? 0} />
            <input
              id={id}
              name={name}
              inputMode="decimal"
              autoComplete="off"
              data-nav="value"
              data-previous={item.previous?.value}
              defaultValue={item.current?.text ?? ''}
              aria-label={`${subject} ${t.gridCurrent}`}
              aria-invalid={valueErrors?.length ? true : undefined}
              aria-describedby={`${id}-error`}
              onPaste={(event) => onPaste(event, item)}
              className={cellInput}
            />
          </>
        ) : (
          <span id={id} className="tabular-nums">{item.current?.text ?? '—'}</span>
        )}
        <ErrorSlot id={`${id}-error`} errors={valueErrors} />
      </td>
      <td className="px-2 py-1.5 text-right tabular-nums text-slate-700" data-change>{change(live, item.previous?.value, rules)}</td>
      <td className="px-2 py-1.5">
        {item.editable ? (
          <input
            id={fieldId(commentName)}
            name={commentName}
            data-nav="note"
            defaultValue={item.current?.comment ?? typed[commentName] ?? ''}
            placeholder={warnings.length > 0 ? t.commentRequired : undefined}
            aria-label={`${subject} ${warnings.length > 0 ? t.commentRequired : t.gridNote}`}
            aria-invalid={commentErrors?.length ? true : undefined}
            aria-describedby={`${fieldId(commentName)}-error`}
            className={noteInput}
          />
        ) : (
          <span className="text-xs text-slate-600">{item.current?.comment ?? ''}</span>
        )}
        <ErrorSlot id={`${fieldId(commentName)}-error`} errors={commentErrors} />
        {warnings.map((w) => (
          <p key={w} className="mt-1 max-w-[14rem] text-xs text-amber-800">
            ⚠ {labels.warning[w] ?? w}
          </p>
        ))}
        {item.current?.returnReason ? <p className="mt-1 max-w-[14rem] text-xs text-red-800">{fill(t.returnReason, { reason: item.current.returnReason })}</p> : null}
      </td>
      <td className="px-2 py-1.5">
        <div className="flex flex-col items-start gap-1">
          <StatusBadge status={status} labels={labels.status} />
          {status === 'submitted' && item.current ? <WithdrawItem item={`v:${item.current.id}`} label={`${indicator.name} · ${subject}`} /> : null}
          {history}
        </div>
      </td>
    </tr>
  );
}
