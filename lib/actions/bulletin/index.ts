'use server';
// Server actions of the bulletin screens, each through authorizedAction (session → permission → Zod → one domain
// function of lib/mutations/bulletin). The domain functions check the permission again, check the version the
// editor saw, and audit in the same transaction.
import { revalidatePath } from 'next/cache';
import { authorizedAction, type ActionState } from '@/lib/actions/action-state';
import { systemClock } from '@/lib/clock';
import { createBulletinDraft, editBulletinText, publishBulletin } from '@/lib/mutations/bulletin/draft';
import { bulletinMonthSchema, bulletinTextSchema, publishBulletinSchema } from '@/lib/schemas/bulletin';

type Action<T> = (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

function refreshingBulletins<T>(action: Action<T>): Action<T> {
  return async (previous, formData) => {
    const state = await action(previous, formData);
    if (state.status === 'success') revalidatePath('/bulletins', 'layout');
    return state;
  };
}

const createJob = authorizedAction({ schema: bulletinMonthSchema, permission: 'bulletin.draft', name: 'createBulletinDraft' }, async (actor, input) => {
  await createBulletinDraft(actor, input, systemClock());
  return { month: input.month };
});
export async function createBulletinDraftAction(previous: ActionState<{ month: string }>, formData: FormData) {
  return refreshingBulletins(createJob)(previous, formData);
}

const editJob = authorizedAction({ schema: bulletinTextSchema, permission: 'bulletin.draft', name: 'editBulletinText' }, (actor, input) => editBulletinText(actor, input));
export async function editBulletinTextAction(previous: ActionState<{ version: number }>, formData: FormData) {
  return refreshingBulletins(editJob)(previous, formData);
}

const publishJob = authorizedAction({ schema: publishBulletinSchema, permission: 'bulletin.publish', name: 'publishBulletin' }, async (actor, input) => {
  await publishBulletin(actor, input, systemClock());
  return { month: input.month };
});
export async function publishBulletinAction(previous: ActionState<{ month: string }>, formData: FormData) {
  return refreshingBulletins(publishJob)(previous, formData);
}
