import { Link } from '@/components/ui/link';
import { SelectField } from '@/components/ui/choice';
import { Field } from '@/components/ui/field';

export interface AuditFilterText {
  title: string;
  event: string;
  eventHint: string;
  actor: string;
  result: string;
  resultAll: string;
  success: string;
  failure: string;
  from: string;
  to: string;
  search: string;
  clear: string;
  export: string;
  invalid: string;
}

/** A plain GET form: the filter lives in the address, so it works without JavaScript and can be bookmarked. */
export function AuditFilterForm({
  values,
  errors,
  formErrors = [],
  events,
  action,
  exportHref,
  text: t,
}: {
  values: Record<string, string>;
  errors?: Record<string, string[]>;
  /** Problems not tied to one field (an unknown parameter). */
  formErrors?: string[];
  events: string[];
  action: string;
  exportHref: string | null;
  text: AuditFilterText;
}) {
  return (
    <form method="get" action={action} role="search" aria-labelledby="audit-filter-title" className="no-print mb-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="audit-filter-title" className="mb-3 text-base font-semibold text-brand-900">
        {t.title}
      </h2>
      {errors ? (
        <p role="alert" className="mb-3 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {[t.invalid, ...formErrors].join('；')}
        </p>
      ) : null}
      <div className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-5">
        <Field label={t.event} name="event" list="audit-events" hint={t.eventHint} defaultValue={values.event ?? ''} errors={errors?.event} autoComplete="off" spellCheck={false} />
        <datalist id="audit-events">
          {events.map((e) => (
            <option key={e} value={e} />
          ))}
        </datalist>
        <Field label={t.actor} name="actor" defaultValue={values.actor ?? ''} errors={errors?.actor} autoComplete="off" spellCheck={false} />
        <SelectField
          label={t.result}
          name="result"
          defaultValue={values.result ?? ''}
          errors={errors?.result}
          options={[
            { value: '', label: t.resultAll },
            { value: 'success', label: t.success },
            { value: 'failure', label: t.failure },
          ]}
        />
        <Field label={t.from} name="from" type="date" defaultValue={values.from ?? ''} errors={errors?.from} />
        <Field label={t.to} name="to" type="date" defaultValue={values.to ?? ''} errors={errors?.to} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900">
          {t.search}
        </button>
        <Link href={action} className="text-sm">
          {t.clear}
        </Link>
        {exportHref ? (
          // A download, not a page: a plain anchor so the router does not try to render it.
          <a href={exportHref} download className="ml-auto rounded border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 no-underline hover:bg-slate-50">
            {t.export}
          </a>
        ) : null}
      </div>
    </form>
  );
}
