'use server';
// Server actions of supervision items (督办), one per job, each through authorizedAction (session → coarse
// permission → Zod → one domain function of lib/mutations/supervision, which checks again with the item: a unit
// answers only its own items, only the raiser or the bureau decides). Everything the item touches re-renders.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { authorizedAction, type ActionState } from '@/lib/actions/action-state';
import { answerSupervision, closeSupervision, extendSupervision, raiseSupervision, returnSupervision } from '@/lib/mutations/supervision';
import { answerSupervisionSchema, closeSupervisionSchema, extendSupervisionSchema, raiseSupervisionSchema, returnSupervisionSchema } from '@/lib/schemas/supervision/items';

/**
 * Uploaded files are reduced to their metadata here: the platform records what was attached (name, size, type), the
 * file itself travels by the district's document system. An empty file input (no file chosen) arrives as a 0-byte
 * file named "undefined": only files with content count.
 */
function attachmentsOf(raw: Record<string, unknown>): Record<string, unknown> {
  const files = ([] as unknown[]).concat(raw.attachments ?? []);
  const meta = files.flatMap((f) => (typeof File !== 'undefined' && f instanceof File && f.size > 0 ? [{ name: f.name, size: f.size, type: f.type }] : []));
  return { ...raw, attachments: meta };
}

function refreshed<T>(state: ActionState<T>): ActionState<T> {
  // Lists, the item, the inbox count in the header, the unit's and task's pages: the whole tree.
  if (state.status === 'success') revalidatePath('/', 'layout');
  return state;
}

const raiseJob = authorizedAction({ schema: raiseSupervisionSchema, permission: 'instruction.create', name: 'raiseSupervision' }, (actor, input) => raiseSupervision(actor, input));
export async function raiseSupervisionAction(previous: ActionState<{ id: number; version: number }>, formData: FormData) {
  const state = refreshed(await raiseJob(previous, formData));
  if (state.status === 'success' && state.data) redirect(`/supervision/${state.data.id}`);
  return state;
}

const answerJob = authorizedAction({ schema: answerSupervisionSchema, permission: 'supervision.answer', name: 'answerSupervision', parse: attachmentsOf }, (actor, input) => answerSupervision(actor, input));
export async function answerSupervisionAction(previous: ActionState<{ version: number }>, formData: FormData) {
  return refreshed(await answerJob(previous, formData));
}

const returnJob = authorizedAction({ schema: returnSupervisionSchema, permission: 'supervision.close', name: 'returnSupervision' }, (actor, input) => returnSupervision(actor, input));
export async function returnSupervisionAction(previous: ActionState<{ version: number }>, formData: FormData) {
  return refreshed(await returnJob(previous, formData));
}

const closeJob = authorizedAction({ schema: closeSupervisionSchema, permission: 'supervision.close', name: 'closeSupervision' }, (actor, input) => closeSupervision(actor, input));
export async function closeSupervisionAction(previous: ActionState<{ version: number }>, formData: FormData) {
  return refreshed(await closeJob(previous, formData));
}

const extendJob = authorizedAction({ schema: extendSupervisionSchema, permission: 'supervision.close', name: 'extendSupervision' }, (actor, input) => extendSupervision(actor, input));
export async function extendSupervisionAction(previous: ActionState<{ version: number }>, formData: FormData) {
  return refreshed(await extendJob(previous, formData));
}
