import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';

// The review forms are the client components that translate themselves: they get their one namespace, not the whole
// catalogue (the root layout passes none).
export default async function ReviewLayout({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={{ reporting: { review: messages.reporting.review } }}>{children}</NextIntlClientProvider>;
}
