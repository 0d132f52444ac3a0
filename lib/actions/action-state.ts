// Server only. The one place where every server action gets its session, parses its input and turns errors into
// messages: no action can forget the session check, and none ever answers with a 500.
import { randomUUID } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import type { z } from 'zod';
import type { Actor } from '@/lib/actor';
import { getCurrentSession } from '@/lib/auth/current-actor';
import { ForbiddenError, isDatabaseUnavailable, isDomainError } from '@/lib/errors';
import { toLocale, type AppLocale } from '@/lib/i18n/locale';
import { recordRefusal } from '@/lib/mutations/refusals';
import { can, type Action } from '@/lib/permissions';
import { formDataToObject, parseInput, type FieldErrors } from '@/lib/validation/parse';

export interface ActionState<T = unknown> {
  status: 'idle' | 'success' | 'error';
  message?: string;
  fieldErrors?: FieldErrors;
  data?: T;
  /** What the user typed, echoed back so a failed submit loses nothing. */
  values?: Record<string, unknown>;
}

export const idleState: ActionState = { status: 'idle' };

const messages = {
  'zh-CN': { signIn: '登录已过期，请重新登录（已填写的内容未丢失）', pending: '请先修改密码并启用动态验证码（如要求），再进行此操作', invalid: '提交的内容有误，请按提示修改', unexpected: '系统出错，请稍后重试。错误编号：', unavailable: '数据库暂时无法连接，本次操作未能确认完成。请稍候刷新页面，核对后重试（已填写的内容未丢失）。' },
  en: { signIn: 'Your session has expired; sign in again (what you typed is kept)', pending: 'Change your password and enrol the second factor (if required) first', invalid: 'Please correct the highlighted fields', unexpected: 'Something went wrong. Error id: ', unavailable: 'The database cannot be reached just now, so this could not be confirmed. Wait a moment, reload to check, and try again (what you typed is kept).' },
} as const;

export function domainErrorMessage(error: unknown, locale: AppLocale): string | null {
  if (!isDomainError(error)) return null;
  return locale === 'en' ? error.messageEn : error.message;
}

export function domainFieldErrors(error: unknown, locale: AppLocale): FieldErrors | undefined {
  if (!isDomainError(error) || !error.fields) return undefined;
  return Object.fromEntries(Object.entries(error.fields).map(([field, m]) => [field, locale === 'en' ? m.en : m.zh]));
}

/** Runs a wrapped action; after a success, the pages at `paths` are rendered afresh for everyone. */
export function refreshing<T>(action: (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>, ...paths: string[]) {
  return async (previous: ActionState<T>, formData: FormData): Promise<ActionState<T>> => {
    const state = await action(previous, formData);
    if (state.status === 'success') for (const path of paths) revalidatePath(path);
    return state;
  };
}

/** Logs an unexpected error with an id the user can quote, and returns that id. */
export function logUnexpected(error: unknown, where: string): string {
  const id = randomUUID().slice(0, 8);
  console.error(`[error ${id}] ${where}:`, error);
  return id;
}

/**
 * Wraps a server action: session → coarse permission (the domain function checks again, with context) → Zod →
 * handler. Domain errors become readable messages; anything else is logged with an id.
 */
export function authorizedAction<S extends z.ZodType, R>(
  options: {
    schema: S;
    permission?: Action;
    name: string;
    /** Reshapes the flat form fields before the schema sees them (e.g. `unflattenFields` for nested names). */
    parse?: (raw: Record<string, unknown>) => unknown;
  },
  handler: (actor: Actor, input: z.output<S>, raw: Record<string, unknown>) => Promise<R>,
): (previous: ActionState<R>, formData: FormData) => Promise<ActionState<R>> {
  return async (_previous, formData) => {
    const locale = toLocale(await getLocale());
    const raw = formDataToObject(formData);
    // Uploaded files are not echoed: the browser keeps its own copy, and a File cannot travel back to the client.
    const values = Object.fromEntries(Object.entries(raw).filter(([k, v]) => !/password|secret|code/i.test(k) && !(typeof File !== 'undefined' && v instanceof File)));
    const session = await getCurrentSession();
    if (!session) return { status: 'error', message: messages[locale].signIn, values };
    const actor = session.actor;
    // Pages send such a user to the password or second-factor page; a crafted POST must not get around that.
    if ((session.mustChangePassword || session.needsSecondFactor) && options.permission !== 'account.manageOwn') {
      return { status: 'error', message: messages[locale].pending, values };
    }
    if (options.permission && !can(actor, options.permission, { unitId: actor.unitId })) {
      await recordRefusal(actor, { action: options.name });
      return { status: 'error', message: domainErrorMessage(new ForbiddenError(), locale)!, values };
    }
    const parsed = parseInput(options.schema, options.parse ? options.parse(raw) : raw, locale);
    if (!parsed.success) {
      return { status: 'error', message: parsed.formErrors[0] ?? messages[locale].invalid, fieldErrors: parsed.fieldErrors, values };
    }
    try {
      return { status: 'success', data: await handler(actor, parsed.data, raw) };
    } catch (error) {
      if (error instanceof ForbiddenError) await recordRefusal(actor, { action: options.name, reason: error.messageEn });
      const known = domainErrorMessage(error, locale);
      if (known) return { status: 'error', message: known, fieldErrors: domainFieldErrors(error, locale), values };
      return { status: 'error', message: unexpectedErrorMessage(error, options.name, locale), values };
    }
  };
}

/**
 * The message for an error that is not a domain error: a database restart or outage gets a "try again" message
 * (never a success: a write whose commit was not confirmed is not reported as saved; the version check makes the
 * retry safe); anything else is logged with an id the user can quote.
 */
export function unexpectedErrorMessage(error: unknown, where: string, locale: AppLocale): string {
  if (isDatabaseUnavailable(error)) {
    console.error(`[database unavailable] ${where}: ${error instanceof Error ? error.message : String(error)}`);
    return messages[locale].unavailable;
  }
  return messages[locale].unexpected + logUnexpected(error, where);
}
