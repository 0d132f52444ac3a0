import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { GapView } from '@/components/registry/gap-view';
import { RegistryTabs } from '@/components/registry/registry-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { gatePage } from '@/lib/gate/page';
import { can } from '@/lib/permissions';
import { getGap } from '@/lib/queries/registry/gap';
import { registryToday } from '../_lib/today';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('registry'))('gap.title') };
}

export default async function GapPage() {
  const { actor, refused } = await gatePage('registry.view', '/enterprises/gap');
  if (refused) return refused;
  const t = await getTranslations('registry');
  const gap = await getGap(actor, registryToday());
  return (
    <>
      <PageHeader title={t('gap.title')} subtitle={t('gap.subtitle')} />
      <RegistryTabs current="gap" canImport={can(actor, 'registry.import')} />
      <GapView gap={gap} />
    </>
  );
}
