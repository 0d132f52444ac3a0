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
  const notes = [cell.share?.text, cell.target, cell.detail].filter(Boolean);
  return (
    <div>
      <p>
        <StatusBadge status={cell.status} label={cell.statusLabel} />
        <Link href={cell.href}>{cell.label}</Link>
        {cell.value ? (
          <span>
            <b>{cell.value}</b> <small>{cell.month}</small>
          </span>
        ) : (
          <span className="mute">{noData}</span>
        )}
      </p>
      {notes.length ? <p>{notes.join(' · ')}</p> : null}
    </div>
  );
}

/** The industry clusters of tasks 7–11, enterprises and output value side by side (one compact line each). */
export function ClusterBoard({ rows, noData }: { rows: ClusterRowView[]; noData: string }) {
  return (
    <ul className="list panel">
      {rows.map((row) => (
        <li key={row.key}>
          <h3 className="line cl-name">
            {row.name}
            <span className="note font-normal">
              <Link href={row.task.href}>{row.task.label}</Link> · {row.lead}
            </span>
          </h3>
          <div className="cells">
            {row.cells.map((cell) => (
              <Cell key={cell.href} cell={cell} noData={noData} />
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
