import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/layout/app-shell';
import { hasDemoValues } from '@/lib/queries/values';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const [t, locale, demo] = await Promise.all([getTranslations(), getLocale(), hasDemoValues()]);
  return (
    <AppShell
      text={{
        appName: t('app.name'),
        district: t('app.district'),
        skip: t('app.skip'),
        language: t('app.language'),
        languageLabel: t('app.languageLabel'),
        demoBanner: demo ? t('app.demoBanner') : null,
        otherLocale: locale === 'en' ? 'zh-CN' : 'en',
        nav: [
          { href: '/', label: t('nav.overview') },
          { href: '/tasks', label: t('nav.tasks') },
          { href: '/units', label: t('nav.units') },
        ],
      }}
    >
      {children}
    </AppShell>
  );
}
