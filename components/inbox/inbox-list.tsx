import { useTranslations } from 'next-intl';
import { Link } from '@/components/ui/link';
import { formatDateTime, type Locale } from '@/lib/format';
import type { InboxEntry, InboxNoticeDto } from '@/lib/queries/inbox';

const toneClass = { bad: 'border-l-red-600', warn: 'border-l-amber-500', info: 'border-l-brand-600' } as const;

/** Each entry says what waits and links straight to where it is done. */
export function InboxList({ entries, locale }: { entries: InboxEntry[]; locale: Locale }) {
  const t = useTranslations('inbox');
  if (entries.length === 0) return <p className="rounded border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">{t('empty')}</p>;
  return (
    <ul className="space-y-2">
      {entries.map((e) => (
        <li key={e.key} data-entry={e.key} data-kind={e.kind} className={`rounded border border-l-4 border-slate-200 bg-white p-3 ${toneClass[e.tone]}`}>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <Link href={e.href} className="font-medium text-slate-900">
              {t(`kinds.${e.kind}`, { title: e.title })}
            </Link>
            {e.at ? <time className="text-xs text-slate-500">{formatDateTime(e.at, locale)}</time> : null}
          </div>
          {e.kind.startsWith('supervision.') ? <p className="mt-1 text-sm text-slate-700">{e.title.length > 100 ? `${e.title.slice(0, 100)}…` : e.title}</p> : null}
          {e.detail ? <p className="mt-1 text-sm text-slate-600">{e.kind === 'supervision.toAnswer' ? t('due', { date: e.detail }) : e.detail}</p> : null}
        </li>
      ))}
    </ul>
  );
}

export function NoticeList({ notices, locale }: { notices: InboxNoticeDto[]; locale: Locale }) {
  const t = useTranslations('inbox');
  if (notices.length === 0) return <p className="text-sm text-slate-500">{t('noNotices')}</p>;
  return (
    <ul className="divide-y divide-slate-200 text-sm">
      {notices.map((n) => (
        <li key={n.id} data-notice={n.kind} className="py-2">
          {n.link ? <Link href={n.link}>{n.title}</Link> : n.title}
          {n.body ? <span className="block text-xs text-slate-600">{n.body}</span> : null}
          <time className="block text-xs text-slate-500">{formatDateTime(n.createdAt, locale)}</time>
        </li>
      ))}
    </ul>
  );
}
