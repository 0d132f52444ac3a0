import { Link } from '@/components/ui/link';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { requireSession } from '@/lib/auth/current-actor';

/** Account pages stay reachable while a password change or second-factor enrolment is still owed. */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const session = await requireSession({ allowPending: true });
  const [app, auth, account] = await Promise.all([getTranslations('app'), getTranslations('auth'), getTranslations('account')]);
  const pages = [
    ['/account/password', account('navPassword')],
    ['/account/two-factor', account('navTotp')],
    ['/account/sessions', account('navSessions')],
  ] as const;
  return (
    <>
      <header className="bg-brand-900 text-white print:bg-white print:text-black">
        <div className="mx-auto flex max-w-3xl items-center justify-between px-4 py-3">
          <Link href="/" className="text-white no-underline print:text-black">
            <span className="block text-xs opacity-80">{app('district')}</span>
            <span className="font-semibold">{app('name')}</span>
          </Link>
          <div className="no-print flex items-center gap-3 text-xs">
            <span>{session.displayName}</span>
            <SignOutButton label={auth('signOut')} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <nav aria-label={account('nav')} className="no-print mb-6 flex flex-wrap gap-1 text-sm">
          {pages.map(([href, label]) => (
            <Link key={href} href={href} className="rounded border border-slate-200 bg-white px-3 py-1.5 hover:bg-slate-50 hover:no-underline">
              {label}
            </Link>
          ))}
        </nav>
        {children}
      </main>
    </>
  );
}
