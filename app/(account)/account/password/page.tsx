import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { PageHeader } from '@/components/ui/page-header';
import { changePasswordAction } from '@/lib/actions/account';
import { requireSession } from '@/lib/auth/current-actor';
import { getSecurityPolicy } from '@/lib/queries/security';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('passwordTitle') };
}

export default async function PasswordPage() {
  const [session, t, policy] = await Promise.all([requireSession({ allowPending: true }), getTranslations('account'), getSecurityPolicy()]);
  return (
    <>
      <PageHeader title={t('passwordTitle')} subtitle={session.mustChangePassword ? t('mustChange') : undefined} />
      <ChangePasswordForm
        action={changePasswordAction}
        text={{
          current: t('current'),
          next: t('next'),
          confirm: t('confirm'),
          rules: t('rules', { min: policy.minLength, classes: policy.minClasses, history: policy.historyCount, days: policy.expiryDays }),
          submit: t('save'),
        }}
      />
    </>
  );
}
