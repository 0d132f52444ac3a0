import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TotpEnrolment } from '@/components/account/totp-enrolment';
import { PageHeader } from '@/components/ui/page-header';
import { beginTotpEnrolmentAction, confirmTotpEnrolmentAction } from '@/lib/actions/account';
import { requireSession } from '@/lib/auth/current-actor';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('totpTitle') };
}

export default async function TwoFactorPage() {
  const [session, t] = await Promise.all([requireSession({ allowPending: true }), getTranslations('account')]);
  return (
    <>
      <PageHeader title={t('totpTitle')} subtitle={session.needsSecondFactor ? t('totpRequired') : t('totpOptional')} />
      <TotpEnrolment
        begin={beginTotpEnrolmentAction}
        confirm={confirmTotpEnrolmentAction}
        text={{
          start: t('totpStart'),
          qrAlt: t('totpQrAlt'),
          qrHint: t('totpQrHint'),
          secretLabel: t('totpSecret'),
          secretHint: t('totpSecretHint'),
          code: t('totpCode'),
          confirm: t('totpConfirm'),
          done: t('totpDone'),
          recoveryHint: t('recoveryHint'),
          continue: t('continue'),
        }}
      />
    </>
  );
}
