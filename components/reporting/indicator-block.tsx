// One indicator of the reporter's form. Without a breakdown: a row per figure. With one (per 镇街, per 园区): the
// district figure, the live sum of each breakdown checked against it (a soft check, lib/reporting/breakdown-check.ts),
// then a compact grid per breakdown group (breakdown-grid.tsx).
import { checkBreakdown } from '@/lib/reporting/breakdown-check';
import { BreakdownNote } from './breakdown-note';
import { BreakdownGrid } from './breakdown-grid';
import { ErrorSlot, fieldId, inputClass, liveValue, StatusBadge, type BlockProps } from './form-parts';
import { RegistryCell } from './registry-cell';
import { WithdrawItem } from './withdraw';
import { fill, type EntryFormProps, type EntryIndicator, type EntryItem } from './types';

export function IndicatorBlock(props: BlockProps) {
  const { indicator, typed, errors, histories, text: t, labels } = props;
  const many = indicator.items.length > 1;
  const totals = indicator.groups.length > 0 ? indicator.items.filter((i) => i.groupId === null) : indicator.items;
  return (
    <section aria-labelledby={`ind-${indicator.code}`} data-indicator={indicator.code} className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`ind-${indicator.code}`} className="text-base font-semibold text-slate-900">
          {indicator.name}
          <span className="ml-2 text-sm font-normal text-slate-500">（{indicator.unit}）</span>
        </h2>
        {indicator.milestones.length > 0 ? (
          <p className="text-xs text-slate-600" data-milestones>
            {t.milestones}：{indicator.milestones.map((m) => `${m.year}年 ${m.text}`).join('；')}
          </p>
        ) : null}
      </div>
      {indicator.registryCounted ? (
        <p className="mb-1 rounded bg-sky-50 px-2 py-1 text-xs text-sky-900" data-registry-hint>
          {t.registryHint}
        </p>
      ) : null}
      <div className="divide-y divide-slate-100">
        {totals.map((item) => (
          <ItemRow key={item.key} indicator={indicator} item={item} labelled={many} typed={typed} errors={errors} history={histories[item.key]} text={t} labels={labels} />
        ))}
      </div>
      {indicator.groups.length > 0 ? (
        <div className="mt-1 space-y-1" aria-live="polite" data-breakdown-checks>
          {indicator.groups.map((group) => {
            const members = indicator.items.filter((i) => i.groupId === group.id);
            const total = totals.find((i) => i.period === members[0]?.period && i.stage === members[0]?.stage);
            const check = checkBreakdown({ unit: indicator.unit, kind: indicator.kind, coverage: group.coverage, total: total ? liveValue(typed, total) : null, values: members.map((i) => liveValue(typed, i)) });
            return <BreakdownNote key={group.id} check={check} group={group.name} unit={indicator.unit} templates={labels.breakdown} groupId={group.id} />;
          })}
        </div>
      ) : null}
      {indicator.groups.length > 0 && !indicator.registryCounted ? <p className="no-print mt-2 text-xs text-slate-600">{t.gridHint}</p> : null}
      {indicator.groups.map((group) => (
        <BreakdownGrid key={group.id} {...props} group={group} members={indicator.items.filter((i) => i.groupId === group.id)} />
      ))}
    </section>
  );
}

export function ItemRow({
  indicator,
  item,
  labelled,
  typed,
  errors,
  history,
  text: t,
  labels,
}: {
  indicator: EntryIndicator;
  item: EntryItem;
  labelled: boolean;
  typed: Record<string, string>;
  errors?: Record<string, string[]>;
  history?: React.ReactNode;
  text: Record<string, string>;
  labels: EntryFormProps['labels'];
}) {
  const name = `values.${item.key}.value`;
  const commentName = `values.${item.key}.comment`;
  const id = fieldId(name);
  const valueErrors = errors?.[name];
  const commentErrors = errors?.[commentName];
  const warnings = item.current?.warnings ?? [];
  const status = item.current?.status ?? 'none';
  const label = [labelled || indicator.lagged ? item.subject.name : null, indicator.lagged ? `${item.period} ${labels.stage[item.stage]}` : null].filter(Boolean).join(' · ') || t.value;
  const showComment = warnings.length > 0 || Boolean(item.current?.comment) || Boolean(commentErrors) || Boolean(typed[commentName]);
  return (
    <div className="grid gap-2 py-2 sm:grid-cols-[minmax(8rem,14rem)_1fr_auto] sm:items-start" data-item={item.key}>
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          {label}
          {item.required ? <span className="text-red-700"> *</span> : null}
        </label>
        <p className="text-xs text-slate-500">
          {t.previous}：{item.previous ? `${item.previous.value} ${indicator.unit}（${item.previous.period}）` : '—'}
        </p>
      </div>
      <div>
        {item.registry ? (
          <RegistryCell id={id} item={item} label={label} text={t} />
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
              aria-invalid={valueErrors?.length ? true : undefined}
              aria-describedby={`${id}-error`}
              className={inputClass}
            />
          </>
        ) : (
          <input id={id} readOnly value={item.current?.text ?? '—'} className={inputClass} aria-describedby={`${id}-error`} />
        )}
        <ErrorSlot id={`${id}-error`} errors={valueErrors} />
        {item.current?.returnReason ? <p className="mt-1 text-sm text-red-800">{fill(t.returnReason, { reason: item.current.returnReason })}</p> : null}
        {warnings.map((w) => (
          <p key={w} className="mt-1 text-sm text-amber-800">
            ⚠ {labels.warning[w] ?? w}
          </p>
        ))}
        {item.editable && showComment ? (
          <div className="mt-1">
            <label htmlFor={fieldId(commentName)} className="text-xs text-slate-600">
              {warnings.length > 0 ? t.commentRequired : t.comment}
            </label>
            <input
              id={fieldId(commentName)}
              name={commentName}
              defaultValue={item.current?.comment ?? ''}
              aria-invalid={commentErrors?.length ? true : undefined}
              aria-describedby={`${fieldId(commentName)}-error`}
              className={inputClass}
            />
            <ErrorSlot id={`${fieldId(commentName)}-error`} errors={commentErrors} />
          </div>
        ) : item.editable ? (
          <details className="no-print mt-1 text-xs text-slate-600">
            <summary className="cursor-pointer">{t.comment}</summary>
            <input name={commentName} aria-label={t.comment} defaultValue="" className={inputClass} />
          </details>
        ) : item.current?.comment ? (
          <p className="mt-1 text-xs text-slate-600">{item.current.comment}</p>
        ) : null}
      </div>
      <div className="flex flex-col items-start gap-1 sm:items-end">
        <StatusBadge status={status} labels={labels.status} />
        {status === 'submitted' && item.current ? <WithdrawItem item={`v:${item.current.id}`} label={`${indicator.name}${labelled || indicator.lagged ? ` · ${label}` : ''}`} /> : null}
        {history}
      </div>
    </div>
  );
}

