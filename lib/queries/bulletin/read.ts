// Server only. Bulletins as readers see them: published ones (the stored snapshot, never recomputed) for every
// signed-in role; drafts (generated from the approved figures at each read) for the bureau only.
import 'server-only';
import { systemActor, type Actor } from '@/lib/actor';
import type { BulletinContent } from '@/lib/bulletin/types';
import { getDb } from '@/lib/db/client';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import type { Month } from '@/lib/periods';
import { can } from '@/lib/permissions';
import { generateBulletinContent } from '@/lib/queries/bulletin/generate';
import { getCurrentPlan } from '@/lib/queries/plan';

// Published bulletins are for every role, admins included, who may not read the plan itself: only its id is needed.
const planReader = systemActor('bulletin');

export interface BulletinSummaryDto {
  month: Month;
  status: 'draft' | 'published';
  issue: string | null;
  publishedAt: Date | null;
}

export async function listBulletins(viewer: Actor): Promise<BulletinSummaryDto[]> {
  if (!can(viewer, 'bulletin.viewPublished')) throw new ForbiddenError();
  const plan = await getCurrentPlan(planReader);
  const db = await getDb();
  const rows = await db.bulletin.findMany({
    where: { planId: plan.id, ...(can(viewer, 'bulletin.draft') ? {} : { status: 'published' as const }) },
    orderBy: { month: 'desc' },
    select: { month: true, status: true, publishedAt: true, content: true },
  });
  return rows.map((r) => ({ month: r.month, status: r.status, publishedAt: r.publishedAt, issue: (r.content as { issue?: string } | null)?.issue ?? null }));
}

export interface BulletinDto {
  month: Month;
  status: 'draft' | 'published';
  foreword: string;
  remarks: string;
  version: number;
  publishedAt: Date | null;
  publishedByName: string | null;
  content: BulletinContent;
}

/** A month's bulletin; a draft is generated afresh (and only the bureau may see it). */
export async function getBulletin(viewer: Actor, month: Month, now: Date): Promise<BulletinDto> {
  if (!can(viewer, 'bulletin.viewPublished')) throw new ForbiddenError();
  const plan = await getCurrentPlan(planReader);
  const db = await getDb();
  const row = await db.bulletin.findUnique({ where: { planId_month: { planId: plan.id, month } } });
  // A draft is not there for someone who may not see drafts: same answer as no bulletin at all.
  if (!row || (row.status === 'draft' && !can(viewer, 'bulletin.draft'))) throw new NotFoundError('该月没有已发布的月通报', 'No published bulletin for this month');
  const content = row.status === 'published' ? (row.content as unknown as BulletinContent) : await generateBulletinContent(month, now);
  return { month, status: row.status, foreword: row.foreword, remarks: row.remarks, version: row.version, publishedAt: row.publishedAt, publishedByName: row.publishedByName, content };
}

/** The newest published bulletin of the current plan: the leader's 待办 shows it until a newer one is published. */
export async function getLatestPublishedBulletin(): Promise<{ title: string; href: string; publishedAt: Date } | null> {
  const plan = await getCurrentPlan(planReader);
  const db = await getDb();
  const row = await db.bulletin.findFirst({
    where: { planId: plan.id, status: 'published' },
    orderBy: { month: 'desc' },
    select: { month: true, content: true, publishedAt: true },
  });
  if (!row?.publishedAt) return null;
  const title = (row.content as { title?: unknown } | null)?.title;
  return { title: typeof title === 'string' ? title : row.month, href: `/bulletins/${row.month}`, publishedAt: row.publishedAt };
}
