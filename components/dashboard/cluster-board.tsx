import { Link } from '@/components/ui/link';
import { StatusBadge } from '@/components/dashboard/status-badge';
import type { ProgressStatus } from '@/lib/progress/types';

export interface ClusterCellView {
  href: string;
  label: string;
  value: string | null;
  month: string | null;
  target: string | null;
  share: { text: string; ratio: number } | null;
  detail: string | null;
  status: ProgressStatus;
  statusLabel: string;
}

export interface ClusterRowView {
  key: string;
  name: string;
  task: { label: string; href: string };
  lead: string;
  cells: ClusterCellView[];
}

function Cell({ cell, noData }: { cell: ClusterCellView; noData: string }) {
  return (
    <div className="min-w-0 rounded border border-slate-100 bg-slate-50/60 p-2.5">
      <div className="flex flex-wrap items-center justify-between gap-1">
        <Link href={cell.href} className="text-xs font-medium text-slate-600">
          {cell.label}
        </Link>
        <StatusBadge status={cell.status} label={cell.statusLabel} />
      </div>
      <p className="mt-1">
        {cell.value ? (
          <>
            <span className="num text-lg font-semibold">{cell.value}</span>
            <span className="ml-1.5 text-xs text-slate-500">{cell.month}</span>
          </>
        ) : (
          <span className="text-sm text-slate-500">{noData}</span>
        )}
      </p>
      {cell.share ? (
        <>
          <div className="mt-1 h-1.5 w-full overflow-hidden rounded bg-slate-200 [print-color-adjust:exact]" aria-hidden="true">
            <div className="h-full rounded bg-brand-600" style={{ width: `${Math.max(0, Math.min(1, cell.share.ratio)) * 100}%` }} />
          </div>
          <p className="num mt-0.5 text-xs text-slate-600">{cell.share.text}</p>
        </>
      ) : null}
      {cell.target ? <p className="text-xs text-slate-600">{cell.target}</p> : null}
      {cell.detail ? <p className="num text-xs text-slate-500">{cell.detail}</p> : null}
    </div>
  );
}

/** The industry clusters of tasks 7–11, enterprises and output value side by side. */
export function ClusterBoard({ rows, noData }: { rows: ClusterRowView[]; noData: string }) {
  return (
    <ul className="grid gap-3 lg:grid-cols-2 print:grid-cols-2 print:gap-2">
      {rows.map((row) => (
        <li key={row.key} className="avoid-break rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
          <h3 className="mb-2 flex flex-wrap items-baseline justify-between gap-x-2 text-sm font-semibold text-slate-800">
            <span>{row.name}</span>
            <span className="text-xs font-normal text-slate-500">
              <Link href={row.task.href}>{row.task.label}</Link> · {row.lead}
            </span>
          </h3>
          <div className="grid grid-cols-2 gap-2">
            {row.cells.map((cell) => (
              <Cell key={cell.href} cell={cell} noData={noData} />
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
