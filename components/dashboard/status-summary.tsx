import { StatusBadge } from '@/components/dashboard/status-badge';
import type { ProgressStatus } from '@/lib/progress/types';

export interface StatusCountView {
  status: ProgressStatus;
  label: string;
  count: number;
}

/** How many targets are in each status: the ten-second answer. */
export function StatusSummary({ title, counts }: { title: string; counts: StatusCountView[] }) {
  return (
    <section aria-label={title} className="avoid-break mb-6 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <h2 className="text-sm font-semibold text-slate-700">{title}</h2>
      <ul className="flex flex-wrap gap-x-4 gap-y-2">
        {counts.map((c) => (
          <li key={c.status} className="flex items-center gap-1.5">
            <StatusBadge status={c.status} label={c.label} size="md" />
            <span className="num text-lg font-semibold">{c.count}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
