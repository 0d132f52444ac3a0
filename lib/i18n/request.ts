// Server only. next-intl request configuration: locale from the cookie, messages from lib/i18n/messages.
import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALE_COOKIE, toLocale } from '@/lib/i18n/locale';

export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const messages = locale === 'en' ? (await import('./messages/en')).default : (await import('./messages/zh-CN')).default;
  return { locale, messages, timeZone: 'Asia/Shanghai' };
});
