import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';

// The raise and answer forms are client components that translate themselves: they get their one namespace, not the
// whole catalogue (the root layout passes none).
export default async function SupervisionLayout({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={{ supervision: messages.supervision }}>{children}</NextIntlClientProvider>;
}
