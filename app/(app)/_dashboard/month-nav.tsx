// Page layer: the month picker of a dashboard page, with links to the previous and next month of the same page, and a
// notice when the month asked for in the address could not be shown.
import { getLocale, getTranslations } from 'next-intl/server';
import { MonthPicker } from '@/components/dashboard/month-picker';
import { PrintMargins } from '@/components/layout/print-margins';
import { formatMonth, type Locale } from '@/lib/format';
import type { ResolvedMonth } from '@/lib/month-param';
import { addMonths, type Month } from '@/lib/periods';
import { currentPlan, planStartMonth } from './load';
import { withMonth } from './views';

export async function MonthNav({ path, asOf, latest, keep = {} }: { path: string; asOf: Month; latest: Month; keep?: Record<string, string> }) {
  const [t, td, locale, plan] = await Promise.all([getTranslations('dashboard.month'), getTranslations('dashboard'), getLocale() as Promise<Locale>, currentPlan()]);
  const next = addMonths(asOf, 1);
  const start = planStartMonth(plan);
  return (
    <>
    <PrintMargins boxes={{ 'bottom-left': td('asOf', { month: formatMonth(asOf, locale) }) }} />
    <MonthPicker
      month={asOf}
      min={start}
      max={latest}
      keep={keep}
      hrefFor={{
        previous: asOf > start ? withMonth(path, addMonths(asOf, -1), latest, keep) : null,
        next: asOf < latest ? withMonth(path, next, latest, keep) : null,
        latest: asOf < latest ? withMonth(path, latest, latest, keep) : null,
      }}
      text={{ label: t('label'), go: t('go'), previous: t('previous'), next: t('next'), latest: t('latest') }}
    />
    </>
  );
}

/** Says so when the address asked for a month that is not a month, not reported yet or outside the plan. */
export async function MonthNotice({ resolved }: { resolved: ResolvedMonth }) {
  if (!resolved.problem) return null;
  const [t, locale, plan] = await Promise.all([getTranslations('dashboard.month'), getLocale() as Promise<Locale>, currentPlan()]);
  return (
    <p role="status" data-month-notice={resolved.problem} className="mb-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {t(`notice.${resolved.problem}`, {
        requested: resolved.problem === 'invalid' ? (resolved.requested ?? '') : formatMonth(resolved.requested as Month, locale),
        month: formatMonth(resolved.month, locale),
        start: formatMonth(planStartMonth(plan), locale),
      })}
    </p>
  );
}
