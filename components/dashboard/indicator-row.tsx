import { Link } from '@/components/ui/link';
import { StatusBadge } from '@/components/dashboard/status-badge';
import type { IndicatorCardView } from '@/components/dashboard/indicator-card';

/**
 * A target as one compact line: the same facts as a card (value, month, gap to plan, share of the milestone, the
 * milestones, the change, who reports it) without the card's chrome and the sparkline (the indicator page has the chart).
 */
export function IndicatorRow({ card }: { card: IndicatorCardView }) {
  const notes = [card.share?.text, ...card.targets, card.changes.join('　') || undefined, card.pendingNote ?? undefined, card.owner].filter(Boolean);
  return (
    <li data-card={card.code}>
      <p>
        <StatusBadge status={card.status} label={card.statusLabel} />
        {card.tag ? <small>{card.tag}</small> : null}
        <Link href={card.href}>{card.name}</Link>
        {card.value ? (
          <span>
            <b>{card.value}</b> <small>{card.month}</small>
            {card.flags.length ? ` ${card.flags.join(' ')}` : ''}
          </span>
        ) : (
          <span className="mute">{card.noData}</span>
        )}
        {card.gap ? <span data-gap="">{card.gap}</span> : null}
      </p>
      {notes.length ? <p>{notes.join(' · ')}</p> : null}
    </li>
  );
}
