// Server only. Section 6 of the 月通报: the 督办 items overdue when the bulletin is generated, with their lead units.
// Registered in the section providers of generate.ts; publishing freezes it with the rest.
import 'server-only';
import { supervisionSection } from '@/lib/bulletin/compose';
import type { BulletinSection } from '@/lib/bulletin/types';
import { getDb } from '@/lib/db/client';
import { loadRows } from '@/lib/queries/supervision/load';
import { cstDate } from '@/lib/reporting/deadlines';

export async function readOverdueSupervision(planId: string, now: Date): Promise<BulletinSection> {
  const db = await getDb();
  const rows = await loadRows(db, { planId, state: { not: 'closed' }, dueDate: { lt: cstDate(now) } }, now);
  return supervisionSection(
    rows.map((r) => ({
      text: r.text,
      target: r.target.label,
      leadUnits: r.units.filter((u) => u.role === 'lead').map((u) => u.name),
      dueDate: r.dueDate,
      daysOverdue: -r.daysLeft,
      state: r.state,
    })),
  );
}
