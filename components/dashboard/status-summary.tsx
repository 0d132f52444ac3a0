'use client';
// A client component for its payload's sake: fed with plain data, the page's React payload carries that data instead of
// the rendered rows a second time (the server still renders the HTML).
import { Link } from '@/components/ui/link';
import { StatusBadge } from '@/components/dashboard/status-badge';
import type { ProgressStatus } from '@/lib/progress/types';

export interface StatusCountView {
  status: ProgressStatus;
  label: string;
  count: number;
  /** The page filtered to this status. */
  href?: string;
}

/** How many targets are in each status: the ten-second answer. Each count filters the page to its targets. */
export function StatusSummary({
  title,
  counts,
  active = null,
  filtered = null,
  all,
  hint,
}: {
  title: string;
  counts: StatusCountView[];
  active?: ProgressStatus | null;
  filtered?: string | null;
  all?: { label: string; href: string };
  hint?: string;
}) {
  return (
    <section aria-label={title} className="summary avoid-break">
      <h2 className="sub-title">{title}</h2>
      <ul className="counts">
        {counts.map((c) => (
          <li key={c.status}>
            {c.href && c.count > 0 ? (
              <Link
                href={c.href}
                aria-current={active === c.status ? 'true' : undefined}
                data-filter={c.status}
                className={active === c.status ? 'count ring-2 ring-brand-600' : 'count'}
              >
                <StatusBadge status={c.status} label={c.label} size="md" />
                <span className="count-n">{c.count}</span>
              </Link>
            ) : (
              <span className="flex items-center gap-1.5 px-1">
                <StatusBadge status={c.status} label={c.label} size="md" />
                <span className="num text-lg font-semibold">{c.count}</span>
              </span>
            )}
          </li>
        ))}
      </ul>
      {active && filtered ? (
        <p className="text-sm text-slate-700" role="status">
          {filtered}
          {all ? (
            <Link href={all.href} className="ml-2">
              {all.label}
            </Link>
          ) : null}
        </p>
      ) : hint ? (
        <p className="no-print text-xs text-slate-500">{hint}</p>
      ) : null}
    </section>
  );
}
