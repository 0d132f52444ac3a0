import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { UiLocaleProvider } from '@/components/layout/ui-locale';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: `${t('district')} · ${t('name')}`, template: `%s · ${t('name')}` } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        {/* No next-intl on the client by default: pages pass their text as props (the whole catalogue would add about
            20 KB to every response, its formatter 12 KB to every first load). The few client components that
            translate get a NextIntlClientProvider with their namespace in their own layout. */}
        <UiLocaleProvider locale={locale}>{children}</UiLocaleProvider>
      </body>
    </html>
  );
}
