'use server';
// Server actions of the signed-in user's own account: password change, second-factor enrolment, own sessions.
import { redirect } from 'next/navigation';
import { authorizedAction, refreshing, type ActionState } from '@/lib/actions/action-state';
import { systemClock } from '@/lib/clock';
import { beginTotpEnrolment, changeOwnPassword, confirmTotpEnrolment, endOwnSessions } from '@/lib/mutations/auth';
import { changePasswordSchema, endSessionSchema, totpCodeSchema } from '@/lib/schemas/auth';
import { z } from 'zod';

const changePassword = authorizedAction({ schema: changePasswordSchema, permission: 'account.manageOwn', name: 'changePassword' }, (actor, input) =>
  changeOwnPassword(actor, { currentPassword: input.currentPassword, newPassword: input.newPassword }, systemClock()),
);

export async function changePasswordAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await changePassword(previous as ActionState<void>, formData);
  if (state.status === 'success') redirect('/?passwordChanged=1');
  return state;
}

const beginEnrolment = authorizedAction({ schema: z.object({}).strict(), permission: 'account.manageOwn', name: 'beginTotpEnrolment' }, (actor) => beginTotpEnrolment(actor));

export async function beginTotpEnrolmentAction(previous: ActionState<{ secret: string; uri: string }>, formData: FormData) {
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
