// Issue 9 item 5: a district total that disagrees with the sum of its towns is shown, with both numbers, in the Excel
// preview and on the reviewer's page, and refuses nothing; the parks, which lie within the towns, are summed and said
// to be of another 口径, never flagged.
import { beforeAll, expect, test } from 'vitest';
import type { Actor } from '@/lib/actor';
import { fixedClock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { buildTemplate } from '@/lib/excel/template';
import { saveDraft } from '@/lib/mutations/reporting/entry';
import { getReportForm } from '@/lib/queries/reporting/form';
import { previewImport } from '@/lib/queries/reporting/import-preview';
import { setupTestDatabase } from '../support/db';
import { loadBundledPlan, makeReportingActor, type LoadedPlan } from '../support/reporting';
import { openWorkbook, saveWorkbook, setValue, valueRows } from '../support/workbook';

setupTestDatabase();

const MONTH = '2026-03';
// 国家高新技术企业 (per 镇街 and 园区) is counted from the registry, never typed; 规模以上高新技术企业 is typed by
// 区经济信息委 per 镇街, and given the parks too here so that both coverages are checked.
const CODE = 'above_scale_high_tech';
const REPORTER = '区经济信息委';
const clock = fixedClock('2026-04-02T02:00:00Z');

let plan: LoadedPlan;
let reporter: Actor;
let reviewer: Actor;

beforeAll(async () => {
  plan = await loadBundledPlan();
  const db = await getDb();
  const parks = await db.unitGroup.findFirstOrThrow({ where: { planId: plan.planId, name: '各园区管委会' } });
  await db.indicatorBreakdown.create({ data: { indicatorId: await plan.indicatorId(CODE), groupId: parks.id } });
  reporter = await makeReportingActor({ roles: ['unit_reporter'], unitId: plan.unit(REPORTER), displayName: '经信委 李填报' });
  reviewer = await makeReportingActor({ roles: ['bureau_reviewer'], displayName: '专班 王审核' });
});

/** The indicator's items on the reporter's form: the district figure and each breakdown group's members. */
async function items() {
  const form = await getReportForm(reporter, { month: MONTH }, clock);
  const indicator = form.indicators.find((i) => i.code === CODE)!;
  const total = indicator.items.find((i) => i.groupId === null)!;
  const groups = indicator.groups.map((g) => ({ ...g, members: indicator.items.filter((i) => i.groupId === g.id) }));
  return { total, towns: groups.find((g) => g.coverage === 'whole')!, parks: groups.find((g) => g.coverage === 'part')! };
}

test('the import preview shows a total that differs from its towns’ sum, with both numbers, and still lets the file in', async () => {
  const { total, towns, parks } = await items();
  expect(towns.members.length).toBe(17);
  expect(parks.members.length).toBe(4);
  const townValues = towns.members.map((_, i) => 30 + i);
  const townSum = townValues.reduce((a, b) => a + b, 0);
  const parkValues = parks.members.map((_, i) => 10 + i);
  const workbook = await openWorkbook(new Uint8Array(await buildTemplate(await getReportForm(reporter, { month: MONTH }, clock))));
  const rows = valueRows(workbook);
  setValue(rows.get(total.key)!, townSum + 1);
  towns.members.forEach((m, i) => setValue(rows.get(m.key)!, townValues[i]));
  parks.members.forEach((m, i) => setValue(rows.get(m.key)!, parkValues[i]));
  const preview = await previewImport(reporter, { month: MONTH, file: { name: 'm.xlsx', bytes: await saveWorkbook(workbook) } }, clock);

  expect(preview.counts.reject).toBe(0);
  expect(preview.canConfirm).toBe(true);
  const mine = preview.breakdowns.filter((b) => b.indicator === '规模以上高新技术企业');
  expect(mine.find((b) => b.groupId === towns.id)?.check).toEqual({ status: 'mismatch', total: String(townSum + 1), sum: String(townSum), difference: '1' });
  expect(mine.find((b) => b.groupId === parks.id)?.check).toEqual({ status: 'overlap', sum: String(parkValues.reduce((a, b) => a + b, 0)), entered: 4, members: 4 });
});

test('a saved total that differs from its towns is a warning on the reviewer’s page, not a refusal', async () => {
  const { total, towns, parks } = await items();
  const townValues = towns.members.map((_, i) => 20 + 2 * i);
  const townSum = townValues.reduce((a, b) => a + b, 0);
  const values: Record<string, { value: string; version: number }> = { [total.key]: { value: String(townSum + 1), version: 0 } };
  towns.members.forEach((m, i) => (values[m.key] = { value: String(townValues[i]), version: 0 }));
  const saved = await saveDraft(reporter, { month: MONTH, values }, clock);
  expect(saved.created).toBe(towns.members.length + 1);

  const form = await getReportForm(reviewer, { month: MONTH, unitId: plan.unit(REPORTER) }, clock);
  const indicator = form.indicators.find((i) => i.code === CODE)!;
  expect(indicator.groups.find((g) => g.id === towns.id)?.check).toEqual({ status: 'mismatch', total: String(townSum + 1), sum: String(townSum), difference: '1' });
  // No park entered yet: their sum so far, said to be of another 口径.
  expect(indicator.groups.find((g) => g.id === parks.id)?.check).toMatchObject({ status: 'overlap', entered: 0, members: 4 });

  // The reporter corrects the total: the check agrees.
  const after = await items();
  await saveDraft(reporter, { month: MONTH, values: { [total.key]: { value: String(townSum), version: after.total.current!.version } } }, clock);
  const fixed = await getReportForm(reviewer, { month: MONTH, unitId: plan.unit(REPORTER) }, clock);
  expect(fixed.indicators.find((i) => i.code === CODE)!.groups.find((g) => g.id === towns.id)?.check).toEqual({ status: 'match', total: String(townSum), sum: String(townSum) });
});
