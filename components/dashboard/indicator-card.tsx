import { Link } from '@/components/ui/link';
import { Sparkline } from '@/components/charts/sparkline';
import { StatusBadge, statusEdge } from '@/components/dashboard/status-badge';
import type { ProgressStatus } from '@/lib/progress/types';

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
    <article
      className={`avoid-break flex min-w-0 flex-col gap-2 rounded-lg border border-l-4 border-slate-200 bg-white p-4 shadow-sm [print-color-adjust:exact] ${statusEdge[card.status]}`}
      aria-labelledby={`card-${card.code}`}
    >
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
              <span className="num whitespace-nowrap text-2xl font-semibold text-slate-900">{card.value}</span>
              <span className="ml-2 whitespace-nowrap text-xs text-slate-500">{card.month}</span>
              {card.flags.map((f) => (
                <span key={f} className="ml-1 rounded bg-slate-100 px-1 text-xs text-slate-600">
                  {f}
                </span>
              ))}
            </>
          ) : (
            <span className="text-slate-500">{card.noData}</span>
          )}
        </p>
        {card.sparkline ? <Sparkline {...card.sparkline} /> : null}
      </div>
      {card.gap ? <p className="num text-sm font-medium text-slate-800" data-gap>{card.gap}</p> : null}
      {card.share ? (
        <div>
          <div className="h-1.5 w-full overflow-hidden rounded bg-slate-100 [print-color-adjust:exact]" aria-hidden="true">
            <div className="h-full rounded bg-brand-600" style={{ width: `${Math.max(0, Math.min(1, card.share.ratio)) * 100}%` }} />
          </div>
          <p className="num mt-1 text-xs text-slate-600">{card.share.text}</p>
        </div>
      ) : null}
      <div className="grid gap-0.5 text-xs text-slate-600">
        {card.targets.map((text) => (
          <p key={text}>{text}</p>
        ))}
        {card.changes.length ? <p className="num">{card.changes.join('　')}</p> : null}
        {card.pendingNote ? <p className="text-amber-800">{card.pendingNote}</p> : null}
        <p className="text-slate-500">{card.owner}</p>
      </div>
    </article>
  );
}

export function IndicatorCardGrid({ cards }: { cards: IndicatorCardView[] }) {
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3 print:grid-cols-3 print:gap-2">
      {cards.map((card) => (
        <IndicatorCard key={card.code} card={card} />
      ))}
    </div>
  );
}
