import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { OwnSessions } from '@/components/account/own-sessions';
import { PageHeader } from '@/components/ui/page-header';
import { endOwnSessionsAction } from '@/lib/actions/account';
import { requireSession } from '@/lib/auth/current-actor';
import { systemClock } from '@/lib/clock';
import { formatDateTime, formatIp } from '@/lib/format';
import { toLocale } from '@/lib/i18n/locale';
import { listOwnSessions } from '@/lib/queries/security';
import { describeUserAgent } from '@/lib/user-agent';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('sessionsTitle') };
}

export default async function OwnSessionsPage() {
  const [session, t, locale] = await Promise.all([requireSession({ allowPending: true }), getTranslations('account'), getLocale().then(toLocale)]);
  const sessions = await listOwnSessions(session.actor, systemClock());
  return (
    <>
      <PageHeader title={t('sessionsTitle')} subtitle={t('sessionsSubtitle')} />
      <OwnSessions
        action={endOwnSessionsAction}
        sessions={sessions.map((s) => ({
          handle: s.handle,
          device: describeUserAgent(s.userAgent) ?? t('unknownDevice'),
          ip: formatIp(s.ip) || '—',
          started: formatDateTime(new Date(s.createdAt), locale),
          lastSeen: formatDateTime(new Date(s.lastSeenAt), locale),
          current: s.current,
        }))}
        text={{
          caption: t('sessionsCaption', { count: sessions.length }),
          device: t('sessionDevice'),
          ip: t('sessionIp'),
          started: t('sessionStarted'),
          lastSeen: t('sessionLastSeen'),
          current: t('sessionCurrent'),
          end: t('sessionEnd'),
          endOthers: t('sessionEndOthers'),
          ended: t.raw('sessionsEnded') as string,
          onlyThis: t('sessionsOnlyThis'),
        }}
      />
    </>
  );
}
