import { Link } from '@/components/ui/link';
import { Sparkline } from '@/components/charts/sparkline';
import { StatusBadge, statusEdge } from '@/components/dashboard/status-badge';
import type { ProgressStatus } from '@/lib/progress/types';
import { IndicatorRow } from '@/components/dashboard/indicator-row';

export { IndicatorRow };

export interface IndicatorCardView {
  code: string;
  href: string;
  name: string;
  /** A short tag above the name, e.g. 任务6. */
  tag?: string;
  status: ProgressStatus;
  statusLabel: string;
  value: string | null;
  month: string | null;
  /** Shown instead of a value when there is none. */
  noData: string;
  /** The latest figure against the value planned for its month; shown before the share of the milestone. */
  gap: string | null;
  /** Small badges next to the value (初步数). */
  flags: string[];
  /** "2026年10月数据待审核": a newer figure awaits review. */
  pendingNote: string | null;
  share: { text: string; ratio: number } | null;
  /** Each milestone in words, past ones with their outcome. */
  targets: string[];
  changes: string[];
  sparkline: { actual: (number | null)[]; planned: (number | null)[]; label: string } | null;
  owner: string;
}

export function IndicatorCard({ card }: { card: IndicatorCardView }) {
  return (
    <article className={`card ${statusEdge[card.status]}`} aria-labelledby={`card-${card.code}`} data-card={card.code}>
      <div className="flex items-start justify-between gap-2">
        <h3 id={`card-${card.code}`} className="min-w-0 text-sm font-semibold leading-snug text-slate-800">
          {card.tag ? <span className="mr-1.5 rounded bg-slate-100 px-1 py-0.5 text-xs font-normal text-slate-600">{card.tag}</span> : null}
          <Link href={card.href}>{card.name}</Link>
        </h3>
        <StatusBadge status={card.status} label={card.statusLabel} />
      </div>
      <div className="flex flex-wrap items-end justify-between gap-x-3 gap-y-1">
        <p className="min-w-0">
          {card.value ? (
            <>
              <span className="num whitespace-nowrap text-2xl font-semibold text-slate-900">{card.value}</span> <span className="note">{card.month}</span>
              {card.flags.map((f) => (
                <span key={f} className="ml-1 rounded bg-slate-100 px-1 text-xs text-slate-600">
                  {f}
                </span>
              ))}
            </>
          ) : (
            <span className="mute">{card.noData}</span>
          )}
        </p>
        {card.sparkline ? <Sparkline {...card.sparkline} /> : null}
      </div>
      {card.gap ? <p className="num text-sm font-medium text-slate-800" data-gap>{card.gap}</p> : null}
      {card.share ? (
        <div>
          <div className="bar" aria-hidden="true">
            <i style={{ width: `${Math.round(Math.max(0, Math.min(1, card.share.ratio)) * 1000) / 10}%` }} />
          </div>
          <p className="note num mt-1">{card.share.text}</p>
        </div>
      ) : null}
      <div className="note grid gap-0.5">
        {card.targets.map((text) => (
          <p key={text}>{text}</p>
        ))}
        {card.changes.length ? <p className="num">{card.changes.join('　')}</p> : null}
        {card.pendingNote ? <p className="text-amber-800">{card.pendingNote}</p> : null}
        <p className="mute">{card.owner}</p>
      </div>
    </article>
  );
}

/**
 * Cards, or with `compact` one line per target (the overview: its behind list already says, for the targets behind,
 * by how much, since when and whose job; the lines keep every figure of a card but the sparkline).
 */
export function IndicatorCardGrid({ cards, compact: lines = false }: { cards: IndicatorCardView[]; compact?: boolean }) {
  const full = lines ? [] : cards;
  const compact = lines ? cards : [];
  return (
    <>
      {full.length ? (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3 print:grid-cols-3 print:gap-2">
          {full.map((card) => (
            <IndicatorCard key={card.code} card={card} />
          ))}
        </div>
      ) : null}
      {compact.length ? (
        <ul className={`list rounded-lg border border-slate-200 bg-white px-3 ${full.length ? 'mt-3' : ''}`}>
          {compact.map((card) => (
            <IndicatorRow key={card.code} card={card} />
          ))}
        </ul>
      ) : null}
    </>
  );
}
