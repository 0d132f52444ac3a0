// Pure: parses input with a Zod schema and returns every field's messages in the user's language.
// Schemas may give a message key from the `validation` namespace (e.g. 'validation.percentRange'); anything else
// comes from Zod's own Chinese or English messages.
import { z } from 'zod';
import type { AppLocale } from '@/lib/i18n/locale';
import zhValidation from '@/lib/i18n/messages/zh-CN/validation.json';
import enValidation from '@/lib/i18n/messages/en/validation.json';

export type FieldErrors = Record<string, string[]>;

const zodLocales = { 'zh-CN': z.locales.zhCN().localeError, en: z.locales.en().localeError };
const keyed: Record<AppLocale, Record<string, string>> = { 'zh-CN': zhValidation, en: enValidation };

function translate(message: string, locale: AppLocale): string {
  const key = message.startsWith('validation.') ? message.slice('validation.'.length) : null;
  return (key && keyed[locale][key]) || message;
}

export type ParseResult<T> = { success: true; data: T } | { success: false; fieldErrors: FieldErrors; formErrors: string[] };

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, locale: AppLocale): ParseResult<z.output<S>> {
  const result = schema.safeParse(input, { error: zodLocales[locale] });
  if (result.success) return { success: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];
  for (const issue of result.error.issues) {
    const message = translate(issue.message, locale);
    if (issue.path.length === 0) formErrors.push(message);
    else (fieldErrors[issue.path.join('.')] ??= []).push(message);
  }
  return { success: false, fieldErrors, formErrors };
}

/** FormData → plain object; repeated keys become arrays; `__proto__`-like keys are dropped. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION') || key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const current = out[key];
    out[key] = current === undefined ? value : Array.isArray(current) ? [...current, value] : [current, value];
  }
  return { ...out };
}
