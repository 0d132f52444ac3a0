'use client';
// The signed-in header: platform name, navigation, language switch, inbox, user. A client component fed with its words
// only: the server still renders its HTML (the language form posts without JavaScript), and every page's React payload
// carries these few strings instead of the header's whole element tree a second time.
import { SignOutButton } from '@/components/auth/sign-out-button';
import { InboxLink } from '@/components/inbox/inbox-link';
import { Link } from '@/components/ui/link';
import { setLocaleAction } from '@/lib/actions/locale';

export interface ShellHeaderText {
  appName: string;
  district: string;
  language: string;
  languageLabel: string;
  demoBanner: string | null;
  reminder: { text: string; href: string; link: string } | null;
  nav: { href: string; label: string }[];
  /** The 待办 link with the number of entries waiting (components/inbox/inbox-link.tsx), or none. */
  inbox?: { count: number; label: string; text: string } | null;
  otherLocale: string;
  user: { name: string; detail: string; accountHref: string; accountLabel: string; signOutLabel: string };
}

export function ShellHeader({ text }: { text: ShellHeaderText }) {
  return (
    <header className="hdr">
      <div className="hdr-row">
        <Link href="/" className="hdr-home">
          <span className="block text-xs opacity-80">{text.district}</span>
          <span className="text-lg font-semibold">{text.appName}</span>
        </Link>
        <nav aria-label="main" className="hdr-nav no-print">
          {text.nav.map((item) => (
            <Link key={item.href} href={item.href} className="nav-link">
              {item.label}
            </Link>
          ))}
          <form action={setLocaleAction}>
            <input type="hidden" name="locale" value={text.otherLocale} />
            {/* The visible word starts the accessible name (WCAG 2.5.3 Label in Name); the purpose follows for screen readers. */}
            <button type="submit" className="hdr-btn ml-2">
              <span lang={text.otherLocale}>{text.language}</span>
              <span className="sr-only"> ({text.languageLabel})</span>
            </button>
          </form>
        </nav>
        <div className="hdr-user no-print">
          {text.inbox ? <InboxLink {...text.inbox} /> : null}
          <span className="text-right leading-tight">
            <Link href={text.user.accountHref} className="font-medium text-white" title={text.user.accountLabel}>
              {text.user.name}
            </Link>
            <span className="block opacity-75">{text.user.detail}</span>
          </span>
          <SignOutButton label={text.user.signOutLabel} />
        </div>
      </div>
      {/* Inside the banner landmark, so nothing on the page lies outside a landmark. */}
      {text.demoBanner ? (
        <div role="note" className="demo">
          {text.demoBanner}
        </div>
      ) : null}
      {text.reminder ? (
        <div role="alert" className="no-print border-b border-red-200 bg-red-50 px-4 py-2 text-center text-sm text-red-900">
          {text.reminder.text}{' '}
          <Link href={text.reminder.href} className="font-medium text-red-900 underline">
            {text.reminder.link}
          </Link>
        </div>
      ) : null}
    </header>
  );
}
