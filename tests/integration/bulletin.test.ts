import { expect, test } from 'vitest';
import { systemActor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { seedDemoData } from '@/lib/mutations/demo';
import { loadPlan } from '@/lib/mutations/plan';
import { createBulletinDraft, editBulletinText, publishBulletin } from '@/lib/mutations/bulletin/draft';
import { generateBulletinContent } from '@/lib/queries/bulletin/generate';
import { setupTestDatabase } from '../support/db';
import { bundledPlan } from '../support/plan';

setupTestDatabase();
const operator = systemActor('test');
const now = new Date('2026-11-20T02:00:00Z');

test('smoke: a month generates', async () => {
  const plan = bundledPlan();
  await loadPlan(operator, plan);
  await seedDemoData(operator, plan, '2026-10');
  const t0 = Date.now();
  const content = await generateBulletinContent('2026-09', now);
  console.log('ms', Date.now() - t0);
  console.log(JSON.stringify(content, null, 1).slice(0, 6000));
  expect(content.sections.length).toBe(5);
  await createBulletinDraft(operator, { month: '2026-09' }, now);
  await editBulletinText(operator, { month: '2026-09', foreword: 'x', remarks: 'y', version: 1 });
  await publishBulletin(operator, { month: '2026-09', version: 2 }, now);
  const db = await getDb();
  expect((await db.bulletin.findFirstOrThrow()).status).toBe('published');
});
