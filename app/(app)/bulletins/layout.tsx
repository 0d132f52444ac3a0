import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';

// The bulletin forms translate themselves: they get their one namespace, not the whole catalogue.
export default async function BulletinsLayout({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={{ bulletin: messages.bulletin }}>{children}</NextIntlClientProvider>;
}
