// Server only. Every function takes the viewer first. The 待办 inbox: the entries waiting on the viewer, and the
// notices the database channel recorded for them (their unit's or their own, the last 30 days).
import 'server-only';
import { cache } from 'react';
import type { Actor } from '@/lib/actor';
import { systemClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { ForbiddenError } from '@/lib/errors';
import { can, hasRole } from '@/lib/permissions';
import { listInboxEntries } from './entries';
import type { InboxDto, InboxNoticeDto, LatestBulletinSource } from './types';

export type { InboxDto, InboxEntry, InboxKind, InboxNoticeDto } from './types';

const NOTICE_DAYS = 30;

export async function listNotices(viewer: Actor, clock: Clock = systemClock): Promise<InboxNoticeDto[]> {
  const db = await getDb();
  const since = new Date(clock().getTime() - NOTICE_DAYS * 86_400_000);
  // A unit's notices are for those who act for it (its reporters), not for a reviewer or leader filed under it.
  const forUnit = hasRole(viewer, 'unit_reporter') && viewer.unitId !== null;
  const mine = [...(viewer.userId !== null ? [{ userId: viewer.userId }] : []), ...(forUnit ? [{ unitId: viewer.unitId! }] : [])];
  if (mine.length === 0) return [];
  return db.notice.findMany({ where: { OR: mine, createdAt: { gte: since } }, orderBy: { id: 'desc' }, take: 20, select: { id: true, kind: true, title: true, body: true, link: true, createdAt: true } });
}

export async function getInbox(viewer: Actor, clock: Clock = systemClock, options: { latestBulletin?: LatestBulletinSource } = {}): Promise<InboxDto> {
  if (!can(viewer, 'inbox.view')) throw new ForbiddenError();
  const [entries, notices] = await Promise.all([listInboxEntries(viewer, clock, options), listNotices(viewer, clock)]);
  return { entries, notices };
}

/** The header's count: once per request, shared with the inbox page when both render. */
export const countInbox = cache(async (viewer: Actor): Promise<number> => {
  if (!can(viewer, 'inbox.view')) return 0;
  return (await listInboxEntries(viewer)).length;
});
