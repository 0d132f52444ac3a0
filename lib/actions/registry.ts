'use server';
// Server actions of the enterprise registry, one per job, each through authorizedAction (session → permission →
// Zod → the domain function, which checks the permission again and audits inside its transaction).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { authorizedAction, type ActionState } from '@/lib/actions/action-state';
import { DomainError } from '@/lib/errors';
import { createEnterprise, updateEnterprise } from '@/lib/mutations/registry/enterprise';
import { confirmRegistryImport, previewRegistryImport, type RegistryImportPreview, type RegistryImportResult } from '@/lib/mutations/registry/import';
import { endQualification, recordQualification } from '@/lib/mutations/registry/qualification';
import { translateFieldErrors } from '@/lib/reporting/errors';
import { createEnterpriseSchema, endQualificationSchema, recordQualificationSchema, updateEnterpriseSchema } from '@/lib/schemas/registry/enterprise';
import { fillRegistryFiguresSchema, MAX_REGISTRY_UPLOAD_BYTES, registryImportFormSchema } from '@/lib/schemas/registry/import';
import { fillRegistryFigures, type FillResult } from '@/lib/mutations/registry/derived';

function refreshed<T>(state: ActionState<T>): ActionState<T> {
  // The list, the profiles, the forecast, the funnel and the gap, and the dashboards that count from the registry.
  if (state.status === 'success') revalidatePath('/', 'layout');
  return state;
}

export type RegistryImportActionResult = { intent: 'preview'; preview: RegistryImportPreview } | { intent: 'confirm'; preview: RegistryImportPreview; saved: RegistryImportResult };

/**
 * One form, two buttons, as the figures' import: `preview` reads the file and writes nothing; `confirm` sends the
 * same file with the previewed sha256 and writes every row or none.
 */
const importJob = authorizedAction({ schema: registryImportFormSchema, permission: 'registry.import', name: 'registryImport' }, async (actor, input): Promise<RegistryImportActionResult> => {
  if (input.file.size > MAX_REGISTRY_UPLOAD_BYTES) throw new DomainError('文件过大', 'The file is too large', translateFieldErrors({ file: ['validation.registryFileTooLarge'] }));
  const file = { name: input.file.name, bytes: new Uint8Array(await input.file.arrayBuffer()) };
  if (input.intent === 'preview' || !input.fileHash) return { intent: 'preview', preview: await previewRegistryImport(actor, { list: input.list, file, mapping: input.mapping }) };
  const saved = await confirmRegistryImport(actor, { list: input.list, fileHash: input.fileHash, file, mapping: input.mapping });
  return { intent: 'confirm', preview: await previewRegistryImport(actor, { list: input.list, file, mapping: input.mapping }), saved };
});
export async function registryImportAction(previous: ActionState<RegistryImportActionResult>, formData: FormData) {
  return refreshed(await importJob(previous, formData));
}

const createJob = authorizedAction({ schema: createEnterpriseSchema, permission: 'registry.manage', name: 'createEnterprise' }, (actor, input) => createEnterprise(actor, input));
export async function createEnterpriseAction(previous: ActionState<{ id: number }>, formData: FormData) {
  const state = refreshed(await createJob(previous, formData));
  if (state.status === 'success' && state.data) redirect(`/enterprises/${state.data.id}`);
  return state;
}

const updateJob = authorizedAction({ schema: updateEnterpriseSchema, permission: 'registry.manage', name: 'updateEnterprise' }, (actor, input) => updateEnterprise(actor, input));
export async function updateEnterpriseAction(previous: ActionState<{ version: number }>, formData: FormData) {
  return refreshed(await updateJob(previous, formData));
}

const recordJob = authorizedAction({ schema: recordQualificationSchema, permission: 'registry.manage', name: 'recordQualification' }, (actor, input) => recordQualification(actor, input));
export async function recordQualificationAction(previous: ActionState<{ id: number }>, formData: FormData) {
  return refreshed(await recordJob(previous, formData));
}

const endJob = authorizedAction({ schema: endQualificationSchema, permission: 'registry.manage', name: 'endQualification' }, (actor, input) => endQualification(actor, input));
export async function endQualificationAction(previous: ActionState<{ version: number }>, formData: FormData) {
  return refreshed(await endJob(previous, formData));
}

/** Fills the session's unit's form with the registry's counts (drafts, source `registry`): submitted and reviewed as any figure. */
const fillJob = authorizedAction({ schema: fillRegistryFiguresSchema, permission: 'figure.enter', name: 'fillRegistryFigures' }, async (actor, input) => {
  const result = await fillRegistryFigures(actor, input);
  return { filled: result.filled, locked: result.locked };
});
export async function fillRegistryFiguresAction(previous: ActionState<Pick<FillResult, 'filled' | 'locked'>>, formData: FormData) {
  return refreshed(await fillJob(previous, formData));
}
