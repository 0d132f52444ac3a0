// The reporter pages' texts: the `reporting.entry` messages and the shared labels, as plain objects for client forms.
import { getLocale, getTranslations } from 'next-intl/server';
import { toLocale } from '@/lib/i18n/locale';
import type { BreakdownTemplates } from '@/components/reporting/breakdown-note';

export async function entryText() {
  const locale = toLocale(await getLocale());
  const t = await getTranslations('reporting');
  const validation = (await getTranslations()).raw('validation') as Record<string, string>;
  return {
    locale,
    text: t.raw('entry') as Record<string, string>,
    labels: {
      status: t.raw('status') as Record<string, string>,
      stage: t.raw('stage') as Record<string, string>,
      progress: t.raw('progress') as Record<string, string>,
      warning: t.raw('warning') as Record<string, string>,
      event: t.raw('event') as Record<string, string>,
      importRow: t.raw('importRow') as Record<string, string>,
      window: t.raw('window') as Record<string, string>,
      breakdown: t.raw('breakdown') as BreakdownTemplates,
      state: t.raw('review.bucket') as Record<string, string>,
    },
    validation,
  };
}
