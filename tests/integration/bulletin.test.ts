// The 月通报 against the demo data: every number of a published bulletin recomputed from the database; publishing
// freezes it (a later correction leaves it unchanged and shows in the next bulletin); drafts and permissions.
import { beforeAll, describe, expect, test } from 'vitest';
import { systemActor } from '@/lib/actor';
import type { BulletinContent } from '@/lib/bulletin/types';
import { fixedClock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { ConflictError, ForbiddenError, InvalidTransitionError, NotFoundError } from '@/lib/errors';
import { removeDemoData, seedDemoData } from '@/lib/mutations/demo';
import { demoPublishedAt, seedDemoBulletins } from '@/lib/mutations/bulletin/demo';
import { createBulletinDraft, editBulletinText, publishBulletin } from '@/lib/mutations/bulletin/draft';
import { loadPlan } from '@/lib/mutations/plan';
import { saveDraft, submitMonth } from '@/lib/mutations/reporting/entry';
import { approveValues, unlockValue } from '@/lib/mutations/reporting/review';
import { getBulletin, listBulletins } from '@/lib/queries/bulletin/read';
import { generateBulletinContent } from '@/lib/queries/bulletin/generate';
import { raiseSupervision } from '@/lib/mutations/supervision/raise';
import { makeActor } from '../support/factories';
import { setupTestDatabase } from '../support/db';
import { bundledPlan } from '../support/plan';

setupTestDatabase();
const operator = systemActor('test');
/** The demo is seeded through October; on 20 November, January to September are closed and published. */
const NOW = new Date('2026-11-20T02:00:00Z');

beforeAll(async () => {
  const plan = bundledPlan();
  await loadPlan(operator, plan);
  await seedDemoData(operator, plan, '2026-10');
  await seedDemoBulletins(operator, 'beibei-2023-2027', '2026-10', NOW);
}, 300_000);

async function published(month: string): Promise<{ content: BulletinContent; publishedAt: Date }> {
  const db = await getDb();
  const row = await db.bulletin.findFirstOrThrow({ where: { month, status: 'published' } });
  return { content: row.content as unknown as BulletinContent, publishedAt: row.publishedAt! };
}

/** An approved figure as stored: final over provisional. */
async function approvedFigure(code: string, unitId: number, month: string): Promise<number | null> {
  const db = await getDb();
  const rows = await db.indicatorValue.findMany({ where: { indicator: { code }, unitId, month, status: 'approved' }, select: { stage: true, value: true } });
  const row = rows.find((r) => r.stage === 'final') ?? rows[0];
  return row ? Number(row.value) : null;
}

describe('the demo', () => {
  test('has a published bulletin for each closed month of 2026, readable by every role; numbered sections 1–6', async () => {
    const viewer = await makeActor(['viewer']);
    const list = await listBulletins(viewer);
    expect(list.map((b) => b.month)).toEqual(['2026-09', '2026-08', '2026-07', '2026-06', '2026-05', '2026-04', '2026-03', '2026-02', '2026-01']);
    expect(list.every((b) => b.status === 'published')).toBe(true);
    const { content } = await published('2026-09');
    expect(content.sections.map((s) => s.title.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
    expect(content.issue).toBe('2026年第9期');
    const admin = await makeActor(['audit_admin']);
    expect((await getBulletin(admin, '2026-09', NOW)).content).toEqual(content);
  });

  test('every number of a published bulletin is recomputed from the database and found equal', async () => {
    const { content, publishedAt } = await published('2026-09');
    const stated = content.figures.filter((f) => !f.derived);
    expect(stated.length).toBeGreaterThan(40);
    for (const f of stated) expect({ ...f, value: await approvedFigure(f.code, f.unitId, f.month) }).toEqual(f);
    // Everything else (changes, plans, shares, scores, ranks, names) recomputed from the same database at the same moment.
    expect(await generateBulletinContent('2026-09', publishedAt)).toEqual(content);
  });
});

describe('publishing freezes a bulletin', () => {
  test('a figure corrected after publishing leaves the published bulletin unchanged and shows as a correction in the next one', async () => {
    const db = await getDb();
    const before = await published('2026-09');
    // A typed figure (国家高新技术企业 is counted from the registry and corrected only through it).
    const stated = before.content.figures.find((f) => f.code === 'above_scale_high_tech' && f.month === '2026-09' && f.unitName !== '天生街道' && !f.derived && f.unitId === before.content.figures[0].unitId)!;
    const value = await db.indicatorValue.findFirstOrThrow({ where: { indicator: { code: stated.code }, unitId: stated.unitId, month: stated.month, status: 'approved' } });
    const reviewer = await makeActor(['bureau_reviewer']);
    const secondReviewer = await makeActor(['bureau_reviewer']);
    const reporter = await makeActor(['unit_reporter'], { unitId: value.reporterUnitId });
    const clock = fixedClock('2026-11-21T10:00:00+08:00');
    await unlockValue(reviewer, { valueId: value.id, version: value.version, reason: '核实后更正' }, clock);
    const unlocked = await db.indicatorValue.findUniqueOrThrow({ where: { id: value.id } });
    const key = `${stated.code}:${stated.unitId}:${stated.month}:${value.stage}`;
    await saveDraft(reporter, { month: '2026-09', values: { [key]: { value: String(stated.value + 3), version: String(unlocked.version), comment: '补录3家' } } }, clock);
    const submission = await db.submission.findFirstOrThrow({ where: { unitId: value.reporterUnitId, month: '2026-09' } });
    await submitMonth(reporter, { month: '2026-09', version: submission.version }, clock);
    const resubmitted = await db.indicatorValue.findUniqueOrThrow({ where: { id: value.id } });
    await approveValues(secondReviewer, { items: [{ valueId: value.id, version: resubmitted.version }] }, clock);
    expect(await approvedFigure(stated.code, stated.unitId, stated.month)).toBe(stated.value + 3);

    // The published bulletin is the stored snapshot, never recomputed.
    expect((await published('2026-09')).content).toEqual(before.content);
    expect((await getBulletin(reviewer, '2026-09', NOW)).content).toEqual(before.content);

    // The next bulletin (October, closed on 6 November) marks the correction.
    const next = await generateBulletinContent('2026-10', new Date('2026-11-21T02:00:00Z'));
    expect(next.corrections).toContainEqual({ issue: '2026年第9期', indicatorName: stated.indicatorName, unitName: stated.unitName, month: '2026-09', published: stated.value, current: stated.value + 3 });
    const section = next.sections.find((s) => s.key === 'corrections')!;
    expect(section.paragraphs.some((p) => p.startsWith('※更正') && p.includes(String(stated.value + 3)))).toBe(true);
  });
});

describe('drafts', () => {
  test('the bureau opens, edits (version-checked) and publishes; others cannot see or touch a draft', async () => {
    const reviewer = await makeActor(['bureau_reviewer']);
    const viewer = await makeActor(['viewer']);
    const leader = await makeActor(['leader']);
    const now = new Date('2026-11-21T02:00:00Z');
    await expect(createBulletinDraft(leader, { month: '2026-10' }, now)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createBulletinDraft(reviewer, { month: '2026-11' }, now)).rejects.toBeInstanceOf(InvalidTransitionError);
    expect(await createBulletinDraft(reviewer, { month: '2026-10' }, now)).toMatchObject({ created: true });
    expect(await createBulletinDraft(reviewer, { month: '2026-10' }, now)).toMatchObject({ created: false });
    await expect(getBulletin(viewer, '2026-10', now)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listBulletins(viewer)).map((b) => b.month)).not.toContain('2026-10');
    expect((await listBulletins(reviewer)).find((b) => b.month === '2026-10')?.status).toBe('draft');

    const { version } = await editBulletinText(reviewer, { month: '2026-10', foreword: '现将十月情况通报如下。', remarks: '', version: 1 });
    await expect(editBulletinText(reviewer, { month: '2026-10', foreword: '旧版本', remarks: '', version: 1 })).rejects.toBeInstanceOf(ConflictError);
    await expect(editBulletinText(viewer, { month: '2026-10', foreword: 'x', remarks: '', version })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(publishBulletin(reviewer, { month: '2026-10', version: 1 }, now)).rejects.toBeInstanceOf(ConflictError);
    await publishBulletin(reviewer, { month: '2026-10', version }, now);
    await expect(editBulletinText(reviewer, { month: '2026-10', foreword: 'x', remarks: '', version: version + 1 })).rejects.toBeInstanceOf(InvalidTransitionError);
    const read = await getBulletin(viewer, '2026-10', now);
    expect(read).toMatchObject({ status: 'published', foreword: '现将十月情况通报如下。' });
    const db = await getDb();
    expect(await db.auditLog.count({ where: { event: { in: ['bulletin.generated', 'bulletin.edited', 'bulletin.published'] }, actorId: reviewer.userId } })).toBe(3);
  });
});

test('demo:remove deletes the demo bulletins, shares and rules', async () => {
  const db = await getDb();
  expect(demoPublishedAt('2026-09').toISOString()).toBe('2026-10-10T02:00:00.000Z');
  await removeDemoData(operator);
  expect(await db.bulletin.count({ where: { isDemo: true } })).toBe(0);
  expect(await db.targetShare.count()).toBe(0);
  expect(await db.rankingRule.count()).toBe(0);
});

test('section 6 lists the 督办 items overdue when the bulletin is generated, with their lead units and days overdue', async () => {
  const db = await getDb();
  const leader = await makeActor(['leader']);
  const unit = await db.unit.findFirstOrThrow({ where: { name: '区经济信息委' } });
  const task = await db.task.findFirstOrThrow({ where: { planId: 'beibei-2023-2027', no: 7, isOrganisation: false } });
  const due = '2026-11-25';
  await raiseSupervision(leader, { target: `task:${task.id}`, text: '加快智能传感器企业招引', leadUnitId: unit.id, dueDate: due }, fixedClock(NOW.toISOString()));
  const section = (at: Date) => generateBulletinContent('2026-10', at).then((c) => c.sections.find((s) => s.key === 'supervision')!);
  const before = await section(NOW);
  expect(before.tables).toEqual([]);
  expect(before.paragraphs[0]).toContain('无逾期');
  const after = await section(new Date('2026-12-05T02:00:00Z'));
  expect(after.tables).toHaveLength(1);
  expect(after.tables[0].rows).toEqual([['加快智能传感器企业招引', expect.stringContaining('7'), '区经济信息委', due, 10, '待答复']]);
});
