'use client';
// A client component for its payload's sake (plain data in, the form and links out; works without JavaScript).
import { Link } from '@/components/ui/link';

export interface MonthPickerText {
  label: string;
  go: string;
  previous: string;
  next: string;
  latest: string;
}

/**
 * The dashboard's month, as a plain GET form and links: works without JavaScript and gives every month a permalink
 * (`?month=2026-10`). Other query parameters of the page ride along as hidden fields.
 */
export function MonthPicker({
  month,
  max,
  min,
  hrefFor,
  keep = {},
  text,
}: {
  month: string;
  max: string;
  min?: string;
  hrefFor: { previous: string | null; next: string | null; latest: string | null };
  keep?: Record<string, string>;
  text: MonthPickerText;
}) {
  return (
    <form method="get" className="no-print flex flex-wrap items-center gap-2 text-sm">
      {Object.entries(keep).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {hrefFor.previous ? (
        <Link href={hrefFor.previous} className="rounded border border-slate-300 bg-white px-2 py-1 no-underline hover:bg-slate-50">
          ‹ {text.previous}
        </Link>
      ) : null}
      <label className="flex items-center gap-1">
        <span className="text-slate-600">{text.label}</span>
        <input type="month" name="month" defaultValue={month} min={min} max={max} required className="rounded border border-slate-300 bg-white px-2 py-1" />
      </label>
      <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white hover:bg-brand-900">
        {text.go}
      </button>
      {hrefFor.next ? (
        <Link href={hrefFor.next} className="rounded border border-slate-300 bg-white px-2 py-1 no-underline hover:bg-slate-50">
          {text.next} ›
        </Link>
      ) : null}
      {hrefFor.latest ? (
        <Link href={hrefFor.latest} className="px-1">
          {text.latest}
        </Link>
      ) : null}
    </form>
  );
}
