'use server';
// Server actions of the signed-in user's own account: password change, second-factor enrolment, own sessions.
import { redirect } from 'next/navigation';
import { authorizedAction, refreshing, type ActionState } from '@/lib/actions/action-state';
import { totpQrDataUrl } from '@/lib/auth/totp-qr';
import { systemClock } from '@/lib/clock';
import { landingFor } from '@/lib/navigation';
import { beginTotpEnrolment, changeOwnPassword, confirmTotpEnrolment, endOwnSessions } from '@/lib/mutations/auth';
import { changePasswordSchema, endSessionSchema, totpCodeSchema } from '@/lib/schemas/auth';
import { z } from 'zod';

const changePassword = authorizedAction({ schema: changePasswordSchema, permission: 'account.manageOwn', name: 'changePassword' }, async (actor, input) => {
  await changeOwnPassword(actor, { currentPassword: input.currentPassword, newPassword: input.newPassword }, systemClock());
  return landingFor(actor);
});

export async function changePasswordAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await changePassword(previous as ActionState<string>, formData);
  if (state.status === 'success' && state.data) redirect(state.data);
  return state;
}

const beginEnrolment = authorizedAction({ schema: z.object({}).strict(), permission: 'account.manageOwn', name: 'beginTotpEnrolment' }, async (actor) => {
  const enrolment = await beginTotpEnrolment(actor);
  return { ...enrolment, qr: await totpQrDataUrl(enrolment.uri) };
});

export async function beginTotpEnrolmentAction(previous: ActionState<{ secret: string; uri: string; qr: string }>, formData: FormData) {
  return beginEnrolment(previous, formData);
}

const confirmEnrolment = authorizedAction({ schema: totpCodeSchema, permission: 'account.manageOwn', name: 'confirmTotpEnrolment' }, (actor, input) =>
  confirmTotpEnrolment(actor, input.code, systemClock()),
);

export async function confirmTotpEnrolmentAction(previous: ActionState<{ recoveryCodes: string[] }>, formData: FormData) {
  return confirmEnrolment(previous, formData);
}

const endSessions = authorizedAction({ schema: endSessionSchema, permission: 'account.manageOwn', name: 'endOwnSessions' }, (actor, input) =>
  endOwnSessions(actor, input, systemClock()),
);

export async function endOwnSessionsAction(previous: ActionState<{ count: number }>, formData: FormData) {
  return refreshing(endSessions, '/account/sessions')(previous, formData);
}
