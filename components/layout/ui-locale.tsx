'use client';
// The UI language for the few client components outside a next-intl provider (the error boundaries). The root
// layout does not wrap every page in next-intl's client provider: that would put its message formatter (~12 KB
// gzipped) into every page's first load, and the dashboard's client components get their words as props. Pages whose
// client forms translate (review, supervision, bulletins) have their own NextIntlClientProvider in their layout.
import { createContext, useContext, type ReactNode } from 'react';

const UiLocale = createContext<string>('zh-CN');

export function UiLocaleProvider({ locale, children }: { locale: string; children: ReactNode }) {
  return <UiLocale.Provider value={locale}>{children}</UiLocale.Provider>;
}

export function useUiLocale(): string {
  return useContext(UiLocale);
}
