// A mistyped address: the platform's name, what happened in the user's language, a way home and the language switch
// (the signed-in layout is not there to offer them).
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { StandaloneFrame, StatusPanel } from '@/components/layout/status-page';
import { Link } from '@/components/ui/link';
import { setLocaleAction } from '@/lib/actions/locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('errors'))('notFound') };
}

export default async function NotFound() {
  const [t, app, locale] = await Promise.all([getTranslations('errors'), getTranslations('app'), getLocale()]);
  return (
    <StandaloneFrame district={app('district')} appName={app('name')}>
      <StatusPanel code="404" title={t('notFound')} message={t('notFoundMessage')}>
        <Link href="/">{t('home')}</Link>
        <form action={setLocaleAction}>
          <input type="hidden" name="locale" value={locale === 'en' ? 'zh-CN' : 'en'} />
          <button type="submit" aria-label={app('languageLabel')} className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50">
            {app('language')}
          </button>
        </form>
      </StatusPanel>
    </StandaloneFrame>
  );
}
