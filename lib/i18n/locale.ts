// Pure: the two languages of the UI. Chinese is the default; English is a switch stored in a cookie.
export const locales = ['zh-CN', 'en'] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = 'zh-CN';
export const LOCALE_COOKIE = 'locale';

export function toLocale(value: string | undefined | null): AppLocale {
  return value === 'en' ? 'en' : defaultLocale;
}
