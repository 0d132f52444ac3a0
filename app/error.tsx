'use client';
// An unexpected error outside the signed-in layout (account and sign-in pages): the platform's name above the panel.
import { useUiLocale } from '@/components/layout/ui-locale';
import { ErrorPanel } from '@/components/layout/error-panel';
import { StandaloneFrame } from '@/components/layout/status-page';
import zh from '@/lib/i18n/messages/zh-CN/app.json';
import en from '@/lib/i18n/messages/en/app.json';

export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useUiLocale() === 'en' ? en : zh;
  return (
    <StandaloneFrame district={t.district} appName={t.name}>
      <ErrorPanel error={error} retry={retry} />
    </StandaloneFrame>
  );
}
