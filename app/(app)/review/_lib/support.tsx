// Shared by the review pages: the permission check each page makes for itself, the month and year parameters, and
// the sub-navigation between queue, completeness and settings.
import { Link } from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { gatePage } from '@/lib/gate/page';
import { systemClock } from '@/lib/clock';
import { toLocale } from '@/lib/i18n/locale';
import { resolveMonthParam } from '@/lib/month-param';
import type { Action } from '@/lib/permissions';
import { addMonths, lastClosedMonth, monthOf, type Month } from '@/lib/periods';

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The page checks for itself (the menu only hides the link): the session, or a 403 element to render. */
export async function reviewSession(permission: Action, path: string) {
  const t = await getTranslations('reporting.review');
  const locale = toLocale(await getLocale());
  const { session, refused } = await gatePage(permission, path, { title: t('forbiddenTitle'), message: t('forbidden') });
  return { session, actor: session.actor, t, locale, forbidden: refused };
}

/** The current reporting month is last month (its figures are due this month); any month up to this one may be named. */
export function reviewMonth(param: string | string[] | undefined): { month: Month; latest: Month; current: Month } {
  const now = systemClock();
  const current = lastClosedMonth(now);
  const latest = monthOf(now);
  return { month: resolveMonthParam(param ?? current, latest), latest, current };
}

export function previousMonth(month: Month): Month {
  return addMonths(month, -1);
}

export function reviewYear(param: string | string[] | undefined): number {
  const value = Array.isArray(param) ? param[0] : param;
  const current = Number(monthOf(systemClock()).slice(0, 4));
  const year = value && /^\d{4}$/.test(value) ? Number(value) : current;
  return year >= 2000 && year <= current ? year : current;
}

export function ReviewNav({ active, t }: { active: 'queue' | 'completeness' | 'settings'; t: (key: string) => string }) {
  const links = [
    { key: 'queue', href: '/review' },
    { key: 'completeness', href: '/review/completeness' },
    { key: 'settings', href: '/review/settings' },
  ] as const;
  return (
    <nav aria-label={t('title')} className="no-print mb-4 flex gap-4 text-sm">
      {links.map((l) => (
        <Link key={l.key} href={l.href} aria-current={active === l.key ? 'page' : undefined} className={active === l.key ? 'font-semibold text-brand-900 no-underline' : ''}>
          {t(`nav.${l.key}`)}
        </Link>
      ))}
    </nav>
  );
}
