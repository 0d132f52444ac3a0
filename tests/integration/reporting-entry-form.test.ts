// The reporter's flat form, as the browser posts it, through formEntryInput into the domain: a draft is saved with
// per-field messages for bad figures, and the saved draft is what the form shows next.
import { beforeAll, expect, test } from 'vitest';
import type { Actor } from '@/lib/actor';
import { fixedClock } from '@/lib/clock';
import { saveDraft, submitMonth } from '@/lib/mutations/reporting/entry';
import { getReportForm } from '@/lib/queries/reporting/form';
import { formEntryInput } from '@/lib/reporting/entry-form';
import { ReportValidationError } from '@/lib/reporting/errors';
import { saveDraftSchema, type SaveDraftRawInput } from '@/lib/schemas/reporting';
import { setupTestDatabase } from '../support/db';
import { loadBundledPlan, makeReportingActor, snapshot, type LoadedPlan } from '../support/reporting';

setupTestDatabase();

const MONTH = '2026-03';
const clock = fixedClock('2026-04-02T02:00:00Z');

let plan: LoadedPlan;
let reporter: Actor;

beforeAll(async () => {
  plan = await loadBundledPlan();
  reporter = await makeReportingActor({ roles: ['unit_reporter'], unitId: plan.unit('区金融发展中心'), displayName: '金融中心 陈填报' });
});

/** The fields of the rendered form, as FormData would carry them. */
async function formFields(values: Record<string, string>, tasks: Record<string, { progress?: string; narrative?: string }>, intent = 'save') {
  const form = await getReportForm(reporter, { month: MONTH }, clock);
  const flat: Record<string, unknown> = { month: MONTH, intent };
  for (const item of form.indicators.flatMap((i) => i.items)) {
    flat[`values.${item.key}.version`] = String(item.current?.version ?? 0);
    flat[`values.${item.key}.value`] = values[item.key] ?? item.current?.text ?? '';
  }
  for (const task of form.tasks.filter((t) => t.role === 'lead')) {
    flat[`tasks.${task.id}.version`] = String(task.current?.version ?? 0);
    flat[`tasks.${task.id}.progress`] = tasks[task.id]?.progress ?? task.current?.progress ?? '';
    flat[`tasks.${task.id}.narrative`] = tasks[task.id]?.narrative ?? task.current?.narrative ?? '';
  }
  return { form, flat };
}

test('a bad figure posted by the form is refused next to its field, and nothing is written', async () => {
  const { form, flat } = await formFields({}, {});
  const key = form.indicators[0].items[0].key; // March closes a quarter: the unit's quarterly figure is on the form
  flat[`values.${key}.value`] = '-3';
  const { input } = formEntryInput(flat);
  expect(saveDraftSchema.safeParse(input).success).toBe(true);
  const before = await snapshot();
  const error = await saveDraft(reporter, input as SaveDraftRawInput, clock).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ReportValidationError);
  expect(Object.keys((error as ReportValidationError).fieldErrors)).toContain(`values.${key}.value`);
  expect(await snapshot()).toEqual(before);
});

test('a draft of the lead task saved from the form comes back on the form, and submitting names the saved version', async () => {
  const { form, flat } = await formFields({}, {});
  const lead = form.tasks.find((t) => t.role === 'lead')!;
  const { input, intent } = formEntryInput({ ...flat, [`tasks.${lead.id}.progress`]: 'behind', [`tasks.${lead.id}.narrative`]: '受市场影响，进度略有滞后。' });
  expect(intent).toBe('save');
  const saved = await saveDraft(reporter, input as SaveDraftRawInput, clock);
  expect(saved.changed + saved.created).toBeGreaterThan(0);
  const again = await getReportForm(reporter, { month: MONTH }, clock);
  expect(again.tasks.find((t) => t.id === lead.id)!.current).toMatchObject({ progress: 'behind', narrative: '受市场影响，进度略有滞后。', status: 'draft' });

  // Saving the unchanged form again writes nothing; submit is bound to the version that save returned.
  const { flat: unchanged } = await formFields({}, {}, 'submit');
  const second = formEntryInput(unchanged);
  expect(second.intent).toBe('submit');
  const resaved = await saveDraft(reporter, second.input as SaveDraftRawInput, clock);
  expect(resaved.created + resaved.changed).toBe(0);
  // The quarterly figure is still missing: the refusal names that field, not a stale version.
  const refused = await submitMonth(reporter, { month: MONTH, version: resaved.version }, clock).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(ReportValidationError);
  expect(Object.keys((refused as ReportValidationError).fieldErrors).some((f) => f.startsWith('values.'))).toBe(true);
});
