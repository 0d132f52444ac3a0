import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { EnterpriseProfile } from '@/components/registry/enterprise-profile';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { gatePage } from '@/lib/gate/page';
import { can } from '@/lib/permissions';
import { NotFoundError } from '@/lib/errors';
import { getEnterpriseProfile } from '@/lib/queries/registry/profile';
import { enterpriseIdSchema } from '@/lib/schemas/registry/filters';
import { registryToday } from '../_lib/today';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('registry'))('title') };
}

export default async function EnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, refused } = await gatePage('registry.view', '/enterprises/[id]');
  if (refused) return refused;
  const t = await getTranslations('registry');
  const parsed = enterpriseIdSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const profile = await getEnterpriseProfile(actor, parsed.data.id, registryToday()).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <PageHeader title={profile.name} subtitle={profile.creditCode} actions={
          <span className="no-print flex gap-4">
            {can(actor, 'registry.manage') ? <Link href={`/enterprises/${profile.id}/edit`}>{t('form.edit')}</Link> : null}
            <Link href="/enterprises">{t('profile.back')}</Link>
          </span>
        } />
      <EnterpriseProfile profile={profile} />
    </>
  );
}
