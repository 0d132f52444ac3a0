'use client';
// An unexpected error in a signed-in page: shown inside the platform's layout (header, menu, language switch).
import { ErrorPanel } from '@/components/layout/error-panel';

export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} />;
}
