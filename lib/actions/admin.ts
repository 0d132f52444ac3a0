'use server';
// Server actions of the admin screens, one per job, each through authorizedAction (session → permission → Zod →
// domain function). The domain functions check the permission again and write the audit row in the same transaction.
import { authorizedAction, refreshing, type ActionState } from '@/lib/actions/action-state';
import { systemClock } from '@/lib/clock';
import { assignRoles, assignUnit, createUser, resetPassword, resetSecondFactor, setUserDisabled, terminateSessions, updateSecurityPolicy } from '@/lib/mutations/users';
import {
  assignRolesSchema,
  assignUnitSchema,
  createUserSchema,
  resetPasswordSchema,
  securityPolicyFormSchema,
  setUserDisabledSchema,
  terminateSessionsSchema,
  resetSecondFactorSchema,
} from '@/lib/schemas/admin';

const USERS_PATH = '/admin/users';
const SECURITY_PATH = '/admin/security';

const createUserJob = authorizedAction({ schema: createUserSchema, permission: 'user.manage', name: 'createUser' }, async (actor, input) => {
  const { id } = await createUser(actor, input);
  return { id, username: input.username };
});

export async function createUserAction(previous: ActionState<{ id: number; username: string }>, formData: FormData) {
  return refreshing(createUserJob, USERS_PATH, SECURITY_PATH)(previous, formData);
}

const assignUnitJob = authorizedAction({ schema: assignUnitSchema, permission: 'user.manage', name: 'assignUnit' }, (actor, input) => assignUnit(actor, input));

export async function assignUnitAction(previous: ActionState<void>, formData: FormData) {
  return refreshing(assignUnitJob, USERS_PATH, SECURITY_PATH)(previous, formData);
}

const setDisabledJob = authorizedAction({ schema: setUserDisabledSchema, permission: 'user.manage', name: 'setUserDisabled' }, (actor, input) =>
  setUserDisabled(actor, input, systemClock()),
);

export async function setUserDisabledAction(previous: ActionState<void>, formData: FormData) {
  return refreshing(setDisabledJob, USERS_PATH, SECURITY_PATH)(previous, formData);
}

const resetPasswordJob = authorizedAction({ schema: resetPasswordSchema, permission: 'user.manage', name: 'resetPassword' }, (actor, input) =>
  resetPassword(actor, input, systemClock()),
);

export async function resetPasswordAction(previous: ActionState<void>, formData: FormData) {
  return refreshing(resetPasswordJob, USERS_PATH, SECURITY_PATH)(previous, formData);
}

const assignRolesJob = authorizedAction({ schema: assignRolesSchema, permission: 'role.assign', name: 'assignRoles' }, (actor, input) => assignRoles(actor, input));

export async function assignRolesAction(previous: ActionState<void>, formData: FormData) {
  return refreshing(assignRolesJob, SECURITY_PATH, USERS_PATH)(previous, formData);
}

const terminateSessionsJob = authorizedAction({ schema: terminateSessionsSchema, permission: 'session.terminate', name: 'terminateSessions' }, async (actor, input) => ({
  count: await terminateSessions(actor, input, systemClock()),
}));

export async function terminateSessionsAction(previous: ActionState<{ count: number }>, formData: FormData) {
  return refreshing(terminateSessionsJob, SECURITY_PATH, USERS_PATH)(previous, formData);
}

const resetSecondFactorJob = authorizedAction({ schema: resetSecondFactorSchema, permission: 'secondFactor.reset', name: 'resetSecondFactor' }, async (actor, input) => ({
  count: (await resetSecondFactor(actor, input, systemClock())).sessionsEnded,
}));

export async function resetSecondFactorAction(previous: ActionState<{ count: number }>, formData: FormData) {
  return refreshing(resetSecondFactorJob, SECURITY_PATH, USERS_PATH)(previous, formData);
}

const updatePolicyJob = authorizedAction({ schema: securityPolicyFormSchema, permission: 'policy.edit', name: 'updateSecurityPolicy' }, (actor, { version, ...policy }) =>
  updateSecurityPolicy(actor, { policy, version }),
);

export async function updateSecurityPolicyAction(previous: ActionState<void>, formData: FormData) {
  return refreshing(updatePolicyJob, SECURITY_PATH)(previous, formData);
}
