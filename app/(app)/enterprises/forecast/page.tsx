import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ExpiryForecast } from '@/components/registry/expiry-forecast';
import { RegistryTabs } from '@/components/registry/registry-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { gatePage } from '@/lib/gate/page';
import { can } from '@/lib/permissions';
import { getExpiryForecast } from '@/lib/queries/registry/forecast';
import { registryToday } from '../_lib/today';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('registry'))('forecast.title') };
}

export default async function ForecastPage() {
  const { actor, refused } = await gatePage('registry.view', '/enterprises/forecast');
  if (refused) return refused;
  const t = await getTranslations('registry');
  const forecast = await getExpiryForecast(actor, registryToday());
  return (
    <>
      <PageHeader
        title={t('forecast.title')}
        subtitle={t('forecast.subtitle', { inForce: forecast.inForce })}
        actions={
          <a href="/api/registry/forecast" className="rounded border border-brand-700 px-3 py-1.5 text-sm text-brand-800">
            {t('forecast.export')}
          </a>
        }
      />
      <RegistryTabs current="forecast" canImport={can(actor, 'registry.import')} />
      <ExpiryForecast forecast={forecast} />
    </>
  );
}
