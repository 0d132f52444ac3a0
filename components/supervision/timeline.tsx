import { useTranslations } from 'next-intl';
import { formatDateTime, type Locale } from '@/lib/format';
import type { SupervisionEventDto } from '@/lib/queries/supervision';

/** Every step of an item, oldest first: who, when, what, and why. */
export function SupervisionTimeline({ events, locale }: { events: SupervisionEventDto[]; locale: Locale }) {
  const t = useTranslations('supervision');
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
      {events.map((e) => (
        <li key={e.id} data-event={e.kind} className="relative">
          <span className="absolute -left-[1.4rem] top-1.5 h-2.5 w-2.5 rounded-full bg-brand-600" aria-hidden />
          <p className="text-sm">
            <span className="font-semibold text-slate-900">{t(`events.${e.kind}`)}</span>
            <span className="ml-2 text-slate-700">
              {e.actor}
              {e.unit ? `（${e.unit}）` : ''}
            </span>
            <time className="ml-2 text-xs text-slate-500" dateTime={e.at.toISOString()}>
              {formatDateTime(e.at, locale)}
            </time>
          </p>
          {e.selfStatus ? <p className="text-xs text-slate-600">{t('answer.selfStatus')}：{t(`selfStatus.${e.selfStatus}`)}</p> : null}
          {e.dueDateAfter && e.kind === 'extended' ? (
            <p className="text-xs text-slate-600">
              {e.dueDateBefore} → {e.dueDateAfter}
            </p>
          ) : null}
          {e.text && e.kind !== 'raised' ? <p className="mt-1 whitespace-pre-wrap rounded bg-slate-50 p-2 text-sm text-slate-800">{e.text}</p> : null}
          {e.attachments.length ? (
            <ul className="mt-1 text-xs text-slate-600">
              {e.attachments.map((a) => (
                <li key={a.name}>
                  {t('attachmentLabel')}{a.name}（{t('attachmentSize', { size: Math.max(1, Math.round(a.size / 1024)) })}）
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
