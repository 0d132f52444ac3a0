import { useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { DueState } from '@/lib/supervision/due';

const tones: Record<DueState, BadgeTone> = { ok: 'ok', soon: 'warn', overdue: 'bad', closed: 'neutral' };

/** Yellow three days before the due day, red after it: with the words too, so colour is never the only signal. */
export function DueBadge({ due, daysLeft }: { due: DueState; daysLeft: number }) {
  const t = useTranslations('supervision.due');
  // A closed item's state badge says so already.
  if (due === 'closed') return null;
  const detail = daysLeft > 0 ? t('daysLeft', { days: daysLeft }) : daysLeft === 0 ? t('dueToday') : t('daysOver', { days: -daysLeft });
  return (
    <span data-due={due} className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={tones[due]}>{t(due)}</Badge>
      {detail ? <span className={`text-xs ${due === 'overdue' ? 'text-red-700' : due === 'soon' ? 'text-amber-800' : 'text-slate-500'}`}>{detail}</span> : null}
    </span>
  );
}
