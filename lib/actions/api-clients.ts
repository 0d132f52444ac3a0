'use server';
// Server actions of /admin/api-clients, each through authorizedAction (session → permission → Zod → domain
// function). The domain functions check the permission again and audit in the same transaction.
import { authorizedAction, refreshing, type ActionState } from '@/lib/actions/action-state';
import { systemClock } from '@/lib/clock';
import { createApiClient, revokeApiClient } from '@/lib/mutations/api/clients';
import { createApiClientSchema, revokeApiClientSchema } from '@/lib/schemas/api/admin';

const PATH = '/admin/api-clients';

const createJob = authorizedAction({ schema: createApiClientSchema, permission: 'apiClient.manage', name: 'createApiClient' }, (actor, input) => createApiClient(actor, input, systemClock()));

/** The answer carries the token: the one time it is shown. */
export async function createApiClientAction(previous: ActionState<{ id: number; name: string; token: string }>, formData: FormData) {
  return refreshing(createJob, PATH)(previous, formData);
}

const revokeJob = authorizedAction({ schema: revokeApiClientSchema, permission: 'apiClient.manage', name: 'revokeApiClient' }, (actor, input) => revokeApiClient(actor, input, systemClock()));

export async function revokeApiClientAction(previous: ActionState<{ name: string }>, formData: FormData) {
  return refreshing(revokeJob, PATH)(previous, formData);
}
