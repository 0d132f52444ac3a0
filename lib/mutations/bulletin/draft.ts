// Server only. Every function takes the acting user first. A draft bulletin is opened for a closed month, its
// foreword and remarks edited (version-checked), then published: publishing stores the whole bulletin as it is at
// that moment and freezes it; nothing ever recomputes a published bulletin.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { getDb } from '@/lib/db/client';
import { ConflictError, ForbiddenError, InvalidTransitionError, NotFoundError, prismaErrorCode } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { parseMonth } from '@/lib/periods';
import { can } from '@/lib/permissions';
import { generateBulletinContent } from '@/lib/queries/bulletin/generate';
import { isMonthClosed } from '@/lib/queries/rankings/facts';
import { getCurrentPlan } from '@/lib/queries/plan';
import type { BulletinMonthInput, BulletinTextInput, PublishBulletinInput } from '@/lib/schemas/bulletin';

const notClosed = () => new InvalidTransitionError('该月填报尚未截止，不能生成月通报', "This month's reporting is not closed yet; no bulletin can be generated");
const published = () => new InvalidTransitionError('月通报已发布，不能再修改', 'The bulletin is published and can no longer change');

/** Opens the draft of a month (a no-op returning the draft when it exists). */
export async function createBulletinDraft(actor: Actor, input: BulletinMonthInput, now: Date, options: { isDemo?: boolean } = {}): Promise<{ id: number; created: boolean }> {
  if (!can(actor, 'bulletin.draft')) throw new ForbiddenError();
  if (!(await isMonthClosed(input.month, now))) throw notClosed();
  const plan = await getCurrentPlan(actor);
  const db = await getDb();
  const existing = await db.bulletin.findUnique({ where: { planId_month: { planId: plan.id, month: input.month } }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.bulletin.create({ data: { planId: plan.id, month: input.month, issueNo: parseMonth(input.month).month, isDemo: options.isDemo ?? false } });
      await recordAudit(tx, actor, { event: 'bulletin.generated', targetType: 'bulletin', targetId: input.month });
      return { id: row.id, created: true };
    });
  } catch (error) {
    // Two reviewers opening the same month at once: the second gets the first one's draft.
    if (prismaErrorCode(error) === 'P2002') {
      const row = await db.bulletin.findUniqueOrThrow({ where: { planId_month: { planId: plan.id, month: input.month } }, select: { id: true } });
      return { id: row.id, created: false };
    }
    throw error;
  }
}

export async function editBulletinText(actor: Actor, input: BulletinTextInput): Promise<{ version: number }> {
  if (!can(actor, 'bulletin.draft')) throw new ForbiddenError();
  const plan = await getCurrentPlan(actor);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const row = await tx.bulletin.findUnique({ where: { planId_month: { planId: plan.id, month: input.month } } });
    if (!row) throw new NotFoundError('该月尚无月通报草稿', 'No draft bulletin for this month');
    if (row.status === 'published') throw published();
    const { count } = await tx.bulletin.updateMany({ where: { id: row.id, version: input.version, status: 'draft' }, data: { foreword: input.foreword, remarks: input.remarks, version: { increment: 1 } } });
    if (count !== 1) throw new ConflictError();
    await recordAudit(tx, actor, { event: 'bulletin.edited', targetType: 'bulletin', targetId: input.month, before: { foreword: row.foreword, remarks: row.remarks }, after: { foreword: input.foreword, remarks: input.remarks } });
    return { version: input.version + 1 };
  });
}

/** Freezes the month's bulletin as the approved figures say now, with the foreword and remarks at `version`. */
export async function publishBulletin(actor: Actor, input: PublishBulletinInput, now: Date): Promise<{ id: number }> {
  if (!can(actor, 'bulletin.publish')) throw new ForbiddenError();
  if (!(await isMonthClosed(input.month, now))) throw notClosed();
  const plan = await getCurrentPlan(actor);
  const db = await getDb();
  const content = await generateBulletinContent(input.month, now);
  return db.$transaction(async (tx) => {
    const row = await tx.bulletin.findUnique({ where: { planId_month: { planId: plan.id, month: input.month } } });
    if (!row) throw new NotFoundError('该月尚无月通报草稿', 'No draft bulletin for this month');
    if (row.status === 'published') throw published();
    const { count } = await tx.bulletin.updateMany({
      where: { id: row.id, version: input.version, status: 'draft' },
      data: { status: 'published', content: content as unknown as Prisma.InputJsonValue, publishedAt: now, publishedById: actor.userId, publishedByName: actor.username, version: { increment: 1 } },
    });
    if (count !== 1) throw new ConflictError();
    await recordAudit(tx, actor, { event: 'bulletin.published', targetType: 'bulletin', targetId: input.month, after: { issue: content.issue, figures: content.figures.length, corrections: content.corrections.length } });
    return { id: row.id };
  });
}
