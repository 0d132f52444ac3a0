// Server only. The notice sweep, run by the in-process scheduler (lib/notices/scheduler.ts) and by
// `npm run notices:sweep` from cron: (1) supervision items entering 临期 (three days before the due day) or 逾期 get a
// notice to each assigned unit, at most one per item, unit, state and China day — the Notice.dedupKey unique index
// makes a second process (or a second sweep the same day) write nothing; (2) outward deliveries whose next retry is
// due are attempted. Everything it needs is in the database, so any process can run it, any number of times.
import 'server-only';
import { systemClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { prismaErrorCode } from '@/lib/errors';
import type { StoredNotice } from '@/lib/notices/channel';
import { cstDate } from '@/lib/reporting/deadlines';
import { addDays, daysLeft, dueState, SOON_DAYS } from '@/lib/supervision/due';
import { deliverOutward, retryDueDeliveries, type DeliveryOptions, type DeliveryResult } from './dispatch';

export interface SweepResult {
  /** Notices written by this sweep (none for those another sweep wrote first). */
  notices: StoredNotice[];
  deliveries: DeliveryResult[];
}

function excerpt(text: string, max = 40): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** Due-soon and overdue notices of the day; returns only those this call wrote. */
export async function noticeSupervisionDue(clock: Clock = systemClock): Promise<StoredNotice[]> {
  const db = await getDb();
  const now = clock();
  const today = cstDate(now);
  const items = await db.supervisionItem.findMany({
    where: { state: { not: 'closed' }, dueDate: { lte: addDays(today, SOON_DAYS) } },
    select: { id: true, text: true, state: true, dueDate: true, isDemo: true, units: { select: { unitId: true } } },
    orderBy: { id: 'asc' },
  });
  const written: StoredNotice[] = [];
  for (const item of items) {
    const state = dueState(now, item);
    if (state !== 'soon' && state !== 'overdue') continue;
    const left = daysLeft(now, item.dueDate);
    const title = state === 'soon' ? `督办事项临期（${left === 0 ? '今日到期' : `还剩${left}天`}）：${excerpt(item.text)}` : `督办事项已逾期${-left}天：${excerpt(item.text)}`;
    for (const { unitId } of item.units) {
      const dedupKey = `supervision.${state}:${item.id}:u${unitId}:${today}`;
      try {
        // One statement, no transaction: a duplicate key fails this insert alone, and means "already sent today".
        const row = await db.notice.create({
          data: { kind: state === 'soon' ? 'supervision.dueSoon' : 'supervision.overdue', unitId, title, body: `办理期限 ${item.dueDate}`, link: `/supervision/${item.id}`, createdAt: now, isDemo: item.isDemo, dedupKey },
        });
        written.push({ id: row.id, kind: row.kind, recipient: { unitId }, title: row.title, body: row.body, link: row.link, createdAt: row.createdAt });
      } catch (error) {
        if (prismaErrorCode(error) !== 'P2002') throw error;
      }
    }
  }
  return written;
}

/** One sweep: the day's due notices (and their outward deliveries), then every retry that is due. */
export async function runNoticeSweep(options: DeliveryOptions = {}): Promise<SweepResult> {
  const notices = await noticeSupervisionDue(options.clock);
  const first = await deliverOutward(notices, options);
  const retried = await retryDueDeliveries(options);
  return { notices, deliveries: [...first, ...retried] };
}
