// An address inside the signed-in part that names nothing (an unknown indicator, task or unit; the bench pages when
// they are off): the platform's layout stays, with a way home.
import { getTranslations } from 'next-intl/server';
import { StatusPanel } from '@/components/layout/status-page';
import { Link } from '@/components/ui/link';

export default async function AppNotFound() {
  const t = await getTranslations('errors');
  return (
    <StatusPanel code="404" title={t('notFound')} message={t('notFoundMessage')}>
      <Link href="/">{t('home')}</Link>
    </StatusPanel>
  );
}
