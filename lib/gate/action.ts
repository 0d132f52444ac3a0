// Server only. The gate's door for server actions: every action gets its session, permission check, input parsing
// and error messages here, so no action can forget the session check and none ever answers with a 500.
import 'server-only';
import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import type { z } from 'zod';
import type { Actor } from '@/lib/actor';
import { getCurrentSession } from '@/lib/auth/current-actor';
import { ForbiddenError } from '@/lib/errors';
import { admit, auditDomainRefusal, unexpectedErrorMessage, type Ask } from '@/lib/gate/admit';
import { domainErrorMessage, domainFieldErrors, gateMessages } from '@/lib/gate/messages';
import { toLocale, type AppLocale } from '@/lib/i18n/locale';
import type { SessionState } from '@/lib/mutations/auth';
import type { Action } from '@/lib/permissions';
import { recordRefusal } from '@/lib/mutations/refusals';
import { formDataToObject, parseInput, type FieldErrors } from '@/lib/validation/parse';

export interface ActionState<T = unknown> {
  status: 'idle' | 'success' | 'error';
  message?: string;
  fieldErrors?: FieldErrors;
  data?: T;
  /** What the user typed, echoed back so a failed submit loses nothing. */
  values?: Record<string, unknown>;
}

export interface ActionOptions<S extends z.ZodType> {
  schema: S;
  permission?: Action;
  name: string;
  /** Reshapes the flat form fields before the schema sees them (e.g. `unflattenFields` for nested names). */
  parse?: (raw: Record<string, unknown>) => unknown;
}

export type ActionHandler<S extends z.ZodType, R> = (actor: Actor, input: z.output<S>, raw: Record<string, unknown>) => Promise<R>;

/** Runs a wrapped action; after a success, the pages at `paths` are rendered afresh for everyone. */
export function refreshing<T>(action: (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>, ...paths: string[]) {
  return async (previous: ActionState<T>, formData: FormData): Promise<ActionState<T>> => {
    const state = await action(previous, formData);
    if (state.status === 'success') for (const path of paths) revalidatePath(path);
    return state;
  };
}

/**
 * One action call with its session and language already known (the request-free core of `authorizedAction`):
 * gate → Zod → handler. Domain errors become readable messages; anything else is logged with an id.
 */
export async function runAction<S extends z.ZodType, R>(
  session: SessionState | null,
  locale: AppLocale,
  options: ActionOptions<S>,
  handler: ActionHandler<S, R>,
  formData: FormData,
): Promise<ActionState<R>> {
  const text = gateMessages[locale];
  // A crafted call whose argument is not form data (the proxy refuses most: lib/http/action-request.ts).
  if (!(formData instanceof FormData)) {
    if (session) await recordRefusal(session.actor, { action: options.name, reason: 'not form data' });
    return { status: 'error', message: text.invalidForm };
  }
  const raw = formDataToObject(formData);
  // Uploaded files are not echoed: the browser keeps its own copy, and a File cannot travel back to the client.
  const values = Object.fromEntries(Object.entries(raw).filter(([k, v]) => !/password|secret|code/i.test(k) && !(typeof File !== 'undefined' && v instanceof File)));
  const ask: Ask = { permission: options.permission, name: options.name, allowPending: options.permission === 'account.manageOwn' };
  const admission = await admit(session, ask);
  if (!admission.admitted) {
    const message = admission.refusal === 'signIn' ? text.signInKept : admission.refusal === 'pending' ? text.pending : domainErrorMessage(new ForbiddenError(), locale)!;
    return { status: 'error', message, values };
  }
  const parsed = parseInput(options.schema, options.parse ? options.parse(raw) : raw, locale);
  if (!parsed.success) {
    return { status: 'error', message: parsed.formErrors[0] ?? text.invalidForm, fieldErrors: parsed.fieldErrors, values };
  }
  try {
    return { status: 'success', data: await handler(admission.actor, parsed.data, raw) };
  } catch (error) {
    await auditDomainRefusal(admission.actor, ask, error);
    const known = domainErrorMessage(error, locale);
    if (known) return { status: 'error', message: known, fieldErrors: domainFieldErrors(error, locale), values };
    return { status: 'error', message: unexpectedErrorMessage(error, options.name, locale), values };
  }
}

/** Wraps a server action: the session of the request and the user's language, then `runAction`. */
export function authorizedAction<S extends z.ZodType, R>(options: ActionOptions<S>, handler: ActionHandler<S, R>): (previous: ActionState<R>, formData: FormData) => Promise<ActionState<R>> {
  return async (_previous, formData) => runAction(await getCurrentSession(), toLocale(await getLocale()), options, handler, formData);
}
