// Server only (page layer). The overdue supervision items about one unit or one task, fetched and drawn in one
// element a page can place anywhere; it renders nothing when none are overdue or the viewer may not see them.
import { OverdueSupervisionPanel } from '@/components/supervision/overdue-panel';
import type { Actor } from '@/lib/actor';
import { can } from '@/lib/permissions';
import { listOverdueSupervision } from '@/lib/queries/supervision';

export async function OverdueSupervision({ actor, about }: { actor: Actor; about: { unitId: number } | { taskId: number } }) {
  if (!can(actor, 'supervision.view')) return null;
  return <OverdueSupervisionPanel rows={await listOverdueSupervision(actor, about)} />;
}
