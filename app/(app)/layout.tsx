import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/layout/app-shell';
import { requireSession } from '@/lib/auth/current-actor';
import { navigationFor } from '@/lib/navigation';
import { formatDateTime, formatMonth, listSeparator, type Locale } from '@/lib/format';
import { systemClock } from '@/lib/clock';
import { can } from '@/lib/permissions';
import { countInbox } from '@/lib/queries/inbox';
import { listUnseenReminders } from '@/lib/queries/reporting/reminders';
import { hasDemoValues } from '@/lib/queries/values';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  const [t, locale, demo] = await Promise.all([getTranslations(), getLocale(), hasDemoValues()]);
  // 催办 reach the unit's users wherever they land after signing in; the form marks them seen when it shows them.
  const reminders = can(session.actor, 'figure.enter', { unitId: session.actor.unitId }) ? await listUnseenReminders(session.actor) : [];
  // A return is said first: the unit has figures to correct, with the reviewer's reasons on the form.
  const returns = reminders.filter((r) => r.kind === 'returned');
  const notices = returns.length ? returns : reminders;
  const months = [...new Set(notices.map((r) => r.month))].sort();
  const waiting = can(session.actor, 'inbox.view') ? await countInbox(session.actor) : null;
  return (
    <AppShell
      text={{
        appName: t('app.name'),
        district: t('app.district'),
        skip: t('app.skip'),
        language: t('app.language'),
        languageLabel: t('app.languageLabel'),
        demoBanner: demo ? t('app.demoBanner') : null,
        printedAt: `${t('app.printedAt')}${locale === 'en' ? ': ' : '：'}${formatDateTime(systemClock(), locale as Locale)}`,
        reminder: months.length
          ? { text: t(returns.length ? 'app.returnBanner' : 'app.reminderBanner', { count: notices.length, months: months.map((m) => formatMonth(m, locale as Locale)).join(listSeparator(locale as Locale)) }), href: `/report/${months[0]}`, link: t(returns.length ? 'app.returnLink' : 'app.reminderLink') }
          : null,
        otherLocale: locale === 'en' ? 'zh-CN' : 'en',
        inbox: waiting === null ? null : { count: waiting, label: t('inbox.headerLabel', { count: waiting }), text: t('nav.inbox') },
        nav: navigationFor(session.actor).map((item) => ({ href: item.href, label: t(item.label) })),
        user: {
          name: session.displayName,
          detail: [session.unitName, ...session.actor.roles.map((r) => t(`auth.roles.${r}`))].filter(Boolean).join(' · '),
          accountHref: '/account/password',
          accountLabel: t('auth.changePassword'),
          signOutLabel: t('auth.signOut'),
        },
      }}
    >
      {children}
    </AppShell>
  );
}
