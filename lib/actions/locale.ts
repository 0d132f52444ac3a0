'use server';
// Server action: switches the interface language. It changes a preference cookie only, no data.
import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { LOCALE_COOKIE, locales } from '@/lib/i18n/locale';

const setLocaleSchema = z.object({ locale: z.enum(locales) }).strict();

export async function setLocaleAction(formData: FormData): Promise<void> {
  if (!(formData instanceof FormData)) return;
  const parsed = setLocaleSchema.safeParse({ locale: formData.get('locale') });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
  revalidatePath('/', 'layout');
}
