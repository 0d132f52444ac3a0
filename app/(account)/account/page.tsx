import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { requireSession } from '@/lib/auth/current-actor';
import { homeFor } from '@/lib/navigation';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('noRoleTitle') };
}

/** Where an account with no role lands (lib/navigation.ts homeFor): it is told why the platform is empty and who acts. */
export default async function AccountHomePage() {
  const [session, t] = await Promise.all([requireSession(), getTranslations('account')]);
  const home = homeFor(session.actor);
  if (home !== '/account') redirect(home);
  return (
    <>
      <PageHeader title={t('noRoleTitle')} />
      <p role="status" data-testid="no-role" className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {t('noRole', { username: session.actor.username })}
      </p>
      <p className="text-sm text-slate-700">{t('noRoleSelf')}</p>
    </>
  );
}
