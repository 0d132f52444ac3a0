import { Link } from '@/components/ui/link';

export interface FilterOption {
  value: string;
  label: string;
}

/** Filters as a plain GET form: works without JavaScript; the URL is the permalink of the filtered view. */
export function TaskFilters({
  unit,
  status,
  month,
  units,
  statuses,
  resetHref,
  text,
}: {
  unit: string;
  status: string;
  month: string | null;
  units: { group: string; options: FilterOption[] }[];
  statuses: FilterOption[];
  resetHref: string;
  text: { unit: string; status: string; all: string; apply: string; reset: string };
}) {
  return (
    <form method="get" className="no-print mb-5 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm shadow-sm">
      {month ? <input type="hidden" name="month" value={month} /> : null}
      <label className="grid gap-1">
        <span className="text-xs text-slate-600">{text.unit}</span>
        <select name="unit" defaultValue={unit} className="max-w-[16rem] rounded border border-slate-300 bg-white px-2 py-1.5">
          <option value="">{text.all}</option>
          {units.map((g) => (
            <optgroup key={g.group} label={g.group}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="grid gap-1">
        <span className="text-xs text-slate-600">{text.status}</span>
        <select name="status" defaultValue={status} className="rounded border border-slate-300 bg-white px-2 py-1.5">
          <option value="">{text.all}</option>
          {statuses.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-white hover:bg-brand-900">
        {text.apply}
      </button>
      <Link href={resetHref} className="py-1.5">
        {text.reset}
      </Link>
    </form>
  );
}
