// The registry forms' words and choices, read on the server and handed to the client forms as props (client
// components get their words as props: no page ships the message catalogue).
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/actor';
import { getCurrentPlan, listTasks } from '@/lib/queries/plan';
import { listRegistryUnits } from '@/lib/queries/registry/list';
import { fieldsOf, listKinds } from '@/lib/registry/import-columns';
import { qualificationKinds } from '@/lib/registry/validity';

const CLUSTER_TASKS = [7, 8, 9, 10, 11];

export async function enterpriseFormChoices(actor: Actor) {
  const [units, plan] = await Promise.all([listRegistryUnits(actor), getCurrentPlan(actor)]);
  const tasks = await listTasks(actor, plan.id);
  const clusters = CLUSTER_TASKS.map((no) => ({ no, title: tasks.find((x) => x.no === no && !x.isOrganisation)?.title ?? '' }));
  return { towns: units.towns, parks: units.parks, clusters };
}

export async function enterpriseFormText(): Promise<Record<string, string>> {
  const t = await getTranslations('registry.form');
  const keys = ['newTitle', 'editTitle', 'creditCode', 'creditCodeHint', 'name', 'town', 'park', 'cluster', 'foundedOn', 'aboveScale', 'none', 'create', 'save', 'saved'];
  return Object.fromEntries(keys.map((k) => [k, t(k)]));
}

export async function qualificationFormText(): Promise<{ text: Record<string, string>; kinds: { value: string; label: string }[] }> {
  const t = await getTranslations('registry');
  const keys = ['addTitle', 'added', 'kind', 'choose', 'year', 'validFrom', 'validFromHint', 'level', 'none', 'national', 'municipal', 'district', 'certificateNo', 'add', 'endTitle', 'endedOn', 'reason', 'end'];
  return {
    text: Object.fromEntries(keys.map((k) => [k, t(`qform.${k}`)])),
    kinds: qualificationKinds.map((k) => ({ value: k, label: t(`kind.${k}`) })),
  };
}

export async function importFormText(): Promise<{ text: Record<string, string>; lists: { value: string; label: string }[]; fields: Record<string, { key: string; label: string }[]> }> {
  const t = await getTranslations('registry');
  const keys = ['form', 'hint', 'list', 'file', 'fileChanged', 'imported', 'preview', 'previewAgain', 'confirm', 'working', 'writing', 'reading', 'mapping', 'mappingHint', 'unmapped', 'column', 'previewOf', 'cannotConfirmRefused', 'nothingToWrite', 'row', 'firm', 'outcome', 'details', 'rowsShown', 'outcome_created', 'outcome_updated', 'outcome_unchanged', 'outcome_refused'];
  return {
    text: Object.fromEntries(keys.map((k) => [k, t(`import.${k}`)])),
    lists: listKinds.map((l) => ({ value: l, label: t(`import.listName.${l}`) })),
    fields: Object.fromEntries(listKinds.map((l) => [l, fieldsOf(l).map((f) => ({ key: f, label: t(`import.field.${f}`) }))])),
  };
}
