'use client';
// The error boundary's content (app/error.tsx, app/(app)/error.tsx): what happened in the user's language, the
// server's error id to quote, a retry and a way home. Client-side, so the two catalogues are imported directly (a
// few lines) rather than sent with every page.
import { useUiLocale } from '@/components/layout/ui-locale';
import { StatusPanel } from '@/components/layout/status-page';
import { Link } from '@/components/ui/link';
import zh from '@/lib/i18n/messages/zh-CN/errors.json';
import en from '@/lib/i18n/messages/en/errors.json';

export function ErrorPanel({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useUiLocale() === 'en' ? en : zh;
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <StatusPanel code="500" title={t.errorTitle} message={t.errorMessage} detail={digest ? t.errorId.replace('{id}', digest) : undefined}>
      <button type="button" onClick={() => retry()} className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900">
        {t.retry}
      </button>
      <Link href="/">{t.home}</Link>
    </StatusPanel>
  );
}
