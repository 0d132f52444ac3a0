// Server only. Every function takes the viewer first. Outbound notice deliveries for the system admin: the failed
// ones first, then the latest, with the notice each carried.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { ForbiddenError } from '@/lib/errors';
import { can } from '@/lib/permissions';

export interface NoticeDeliveryDto {
  id: number;
  channel: string;
  status: string;
  attempts: number;
  lastError: string | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  nextAttemptAt: Date | null;
  notice: { id: number; kind: string; title: string; createdAt: Date };
}

export async function listNoticeDeliveries(viewer: Actor, limit = 200): Promise<{ failed: number; pending: number; rows: NoticeDeliveryDto[] }> {
  if (!can(viewer, 'notice.viewDeliveries')) throw new ForbiddenError();
  const db = await getDb();
  const [failed, pending, rows] = await Promise.all([
    db.noticeDelivery.count({ where: { status: 'failed' } }),
    db.noticeDelivery.count({ where: { status: 'pending' } }),
    db.noticeDelivery.findMany({
      orderBy: { id: 'desc' },
      take: limit,
      select: { id: true, channel: true, status: true, attempts: true, lastError: true, lastAttemptAt: true, deliveredAt: true, nextAttemptAt: true, notice: { select: { id: true, kind: true, title: true, createdAt: true } } },
    }),
  ]);
  // Failed deliveries first: they are what the admin comes here for.
  rows.sort((a, b) => Number(b.status === 'failed') - Number(a.status === 'failed') || b.id - a.id);
  return { failed, pending, rows };
}
