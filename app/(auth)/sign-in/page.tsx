import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getCurrentSession } from '@/lib/auth/current-actor';
import { getSecurityPolicy } from '@/lib/queries/security';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signIn') };
}

/**
 * Only same-site paths: an open redirect after sign-in would hand the session page to another site. Without one,
 * /inbox/land sends a reporter with work waiting to 待办 and everyone else home.
 */
function safeCallback(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  return v && v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/\\') && v !== '/' ? v : '/inbox/land';
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [t, app, params, policy] = await Promise.all([getTranslations('auth'), getTranslations('app'), searchParams, getSecurityPolicy()]);
  if (await getCurrentSession()) redirect(safeCallback(params.callbackUrl));
  return (
    <main id="main" className="flex min-h-screen items-center justify-center bg-brand-900/5 px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow">
        <p className="text-xs text-slate-500">{app('district')}</p>
        <h1 className="mb-1 text-xl font-semibold text-brand-900">{app('name')}</h1>
        <h2 className="mb-5 text-sm text-slate-600">{t('signIn')}</h2>
        <SignInForm
          callbackUrl={safeCallback(params.callbackUrl)}
          text={{
            username: t('username'),
            password: t('password'),
            secondFactor: t('secondFactor'),
            secondFactorHint: t('secondFactorHint'),
            submit: t('submit'),
            required: t('required'),
            invalid: t('invalid', { attempts: policy.lockoutThreshold, minutes: policy.lockoutMinutes }),
            secondFactorRequired: t('secondFactorRequired'),
            unexpected: t('unexpected'),
          }}
        />
        <p className="mt-6 text-xs leading-5 text-slate-500">{t('notice')}</p>
      </div>
    </main>
  );
}
