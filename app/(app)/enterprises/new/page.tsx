import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EnterpriseForm } from '@/components/registry/enterprise-form';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { createEnterpriseAction } from '@/lib/actions/registry';
import { gatePage } from '@/lib/gate/page';
import { enterpriseFormChoices, enterpriseFormText } from '../_lib/form-text';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('registry'))('form.newTitle') };
}

export default async function NewEnterprisePage() {
  const { actor, refused } = await gatePage('registry.manage', '/enterprises/new');
  if (refused) return refused;
  const t = await getTranslations('registry');
  const [choices, text] = await Promise.all([enterpriseFormChoices(actor), enterpriseFormText()]);
  return (
    <>
      <PageHeader title={t('form.newTitle')} actions={<Link href="/enterprises">{t('profile.back')}</Link>} />
      <EnterpriseForm
        action={createEnterpriseAction}
        values={{ creditCode: '', name: '', townUnitId: null, parkUnitId: null, clusterTask: null, aboveScale: false, foundedOn: null }}
        {...choices}
        text={text}
      />
    </>
  );
}
