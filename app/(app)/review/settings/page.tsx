import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { reviewSession, ReviewNav } from '@/app/(app)/review/_lib/support';
import { SettingsForm } from '@/components/review/settings-form';
import { PageHeader } from '@/components/ui/page-header';
import { updateReportingSettingsAction } from '@/lib/actions/reporting-review';
import { getReportingSettings } from '@/lib/queries/reporting/settings';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reporting.review'))('settingsTitle') };
}

export default async function ReviewSettingsPage() {
  const { t, forbidden } = await reviewSession('reporting.manageDeadlines', '/review/settings');
  if (forbidden) return forbidden;
  const settings = await getReportingSettings();
  return (
    <>
      <PageHeader title={t('settingsTitle')} subtitle={t('settingsSubtitle')} />
      <ReviewNav active="settings" t={t} />
      <SettingsForm
        action={updateReportingSettingsAction}
        settings={{ dueDay: settings.dueDay, jumpThresholdPercent: Math.round(settings.jumpThreshold * 100), firstMonth: settings.firstMonth ?? '', version: settings.version }}
      />
    </>
  );
}
