// Server only. The gate's door for pages: a page checks for itself (the menu only hides the link). No session → the
// sign-in page; a pending password or second factor → that step; a refusal → an audit row and the 403 panel, the
// same on every page.
import 'server-only';
import type { ReactElement } from 'react';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { Forbidden } from '@/components/ui/forbidden';
import type { Actor } from '@/lib/actor';
import { requireSession } from '@/lib/auth/current-actor';
import { admit, auditRefusal } from '@/lib/gate/admit';
import { gateMessages } from '@/lib/gate/messages';
import { toLocale, type AppLocale } from '@/lib/i18n/locale';
import type { SessionState } from '@/lib/mutations/auth';
import { homeFor } from '@/lib/navigation';
import { can, type Action } from '@/lib/permissions';

export interface PageText {
  title: string;
  message: string;
}

export type PageAdmission = { session: SessionState; actor: Actor; refused: null } | { session: SessionState; actor: Actor; refused: ReactElement };

function panel(actor: Actor, locale: AppLocale, text: PageText | undefined): ReactElement {
  const t = gateMessages[locale];
  return <Forbidden title={text?.title ?? t.forbiddenTitle} message={text?.message ?? t.forbiddenPage} back={{ href: homeFor(actor), label: t.back }} />;
}

/** One page request with its session and language already known (the request-free core of `gatePage`). */
export async function admitPage(session: SessionState, locale: AppLocale, permission: Action, path: string, text?: PageText): Promise<PageAdmission> {
  const admission = await admit(session, { permission, name: permission, via: `page ${path}` });
  return { session, actor: session.actor, refused: admission.admitted ? null : panel(session.actor, locale, text) };
}

/**
 * For a page whose content needs one permission (checked against the user's own unit). Render `refused` when it is
 * set: the refusal has been audited already.
 */
export async function gatePage(permission: Action, path: string, text?: PageText): Promise<PageAdmission> {
  return admitPage(await requireSession(), toLocale(await getLocale()), permission, path, text);
}

/**
 * For a refusal the page finds itself (no unit to report for, or the domain's ForbiddenError with its reason): the
 * same audit row and the same panel as `gatePage`.
 */
export async function refusePage(actor: Actor, refused: { permission: Action; path: string; reason?: string }, text?: PageText): Promise<ReactElement> {
  await auditRefusal(actor, { permission: refused.permission, name: refused.permission, via: `page ${refused.path}` }, refused.reason);
  return panel(actor, toLocale(await getLocale()), text);
}

/** The landing page `/` is everyone's home after sign-in: a user whose home is elsewhere is sent there, not refused. */
export async function requireLandingPage(): Promise<SessionState> {
  const session = await requireSession();
  if (!can(session.actor, 'dashboard.view', { unitId: session.actor.unitId })) redirect(homeFor(session.actor));
  return session;
}

/** For `generateMetadata`: whether the page will render its content. It never audits; the page itself does. */
export async function pageAllows(permission: Action): Promise<boolean> {
  const { actor } = await requireSession();
  return can(actor, permission, { unitId: actor.unitId });
}
