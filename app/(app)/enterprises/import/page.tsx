import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { RegistryImportForm } from '@/components/registry/import-form';
import { RegistryTabs } from '@/components/registry/registry-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { registryImportAction } from '@/lib/actions/registry';
import { gatePage } from '@/lib/gate/page';
import { importFormText } from '../_lib/form-text';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('registry'))('import.title') };
}

export default async function RegistryImportPage() {
  const { refused } = await gatePage('registry.import', '/enterprises/import');
  if (refused) return refused;
  const t = await getTranslations('registry');
  const { text, lists, fields } = await importFormText();
  return (
    <>
      <PageHeader title={t('import.title')} subtitle={t('import.subtitle')} />
      <RegistryTabs current="import" canImport />
      <RegistryImportForm action={registryImportAction} lists={lists} fields={fields} text={text} />
    </>
  );
}
