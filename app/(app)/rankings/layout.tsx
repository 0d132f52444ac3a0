import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';

// The share grid and the rule form translate themselves: they get their two sub-namespaces, not the whole catalogue.
export default async function RankingsLayout({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  const { shares, ruleForm } = messages.rankings as unknown as Record<'shares' | 'ruleForm', Record<string, string>>;
  return <NextIntlClientProvider messages={{ rankings: { shares, ruleForm } }}>{children}</NextIntlClientProvider>;
}
