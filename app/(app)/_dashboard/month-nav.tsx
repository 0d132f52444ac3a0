// Page layer: the month picker of a dashboard page, with links to the previous and next month of the same page.
import { getTranslations } from 'next-intl/server';
import { MonthPicker } from '@/components/dashboard/month-picker';
import { addMonths, type Month } from '@/lib/periods';
import { withMonth } from './views';

export async function MonthNav({ path, asOf, latest, keep = {} }: { path: string; asOf: Month; latest: Month; keep?: Record<string, string> }) {
  const t = await getTranslations('dashboard.month');
  const next = addMonths(asOf, 1);
  return (
    <MonthPicker
      month={asOf}
      max={latest}
      keep={keep}
      hrefFor={{
        previous: withMonth(path, addMonths(asOf, -1), latest, keep),
        next: asOf < latest ? withMonth(path, next, latest, keep) : null,
        latest: asOf < latest ? withMonth(path, latest, latest, keep) : null,
      }}
      text={{ label: t('label'), go: t('go'), previous: t('previous'), next: t('next'), latest: t('latest') }}
    />
  );
}
