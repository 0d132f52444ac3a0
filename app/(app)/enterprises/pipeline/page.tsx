import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PipelineFunnel } from '@/components/registry/pipeline-funnel';
import { RegistryTabs } from '@/components/registry/registry-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { gatePage } from '@/lib/gate/page';
import { can } from '@/lib/permissions';
import { getPipeline } from '@/lib/queries/registry/pipeline';
import { registryToday } from '../_lib/today';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('registry'))('pipeline.title') };
}

export default async function PipelinePage() {
  const { actor, refused } = await gatePage('registry.view', '/enterprises/pipeline');
  if (refused) return refused;
  const t = await getTranslations('registry');
  const pipeline = await getPipeline(actor, registryToday());
  return (
    <>
      <PageHeader title={t('pipeline.title')} subtitle={t('pipeline.subtitle')} />
      <RegistryTabs current="pipeline" canImport={can(actor, 'registry.import')} />
      <PipelineFunnel pipeline={pipeline} />
    </>
  );
}
