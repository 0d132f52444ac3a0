// Server only. Every function takes the acting user first. The raiser or the bureau moves an item's due date later,
// with the reason; the first due date is kept, and the step records both.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { systemClock, type Clock } from '@/lib/clock';
import { extendSupervisionSchema, type ExtendSupervisionInput } from '@/lib/schemas/supervision/items';
import { excerpt, noticeUnits, parse, recordStep, SupervisionValidationError, takeRaiserStep, writeAtVersion } from './store';

export async function extendSupervision(actor: Actor, input: ExtendSupervisionInput, clock: Clock = systemClock): Promise<{ version: number }> {
  const data = parse(extendSupervisionSchema, input);
  const refusal: [string, string] = ['已办结的督办事项不能延期', 'A closed item cannot be extended'];
  return takeRaiserStep(actor, data.itemId, { action: 'extend', refusal }, clock, async (tx, item, _next, now, name) => {
    if (data.dueDate <= item.dueDate) throw new SupervisionValidationError({ dueDate: ['validation.supervisionExtendLater'] });
    const version = await writeAtVersion(tx, item, data.version, { dueDate: data.dueDate });
    await recordStep(tx, { itemId: item.id, kind: 'extended', at: now, actor, actorName: name, version, text: data.reason, dueDateBefore: item.dueDate, dueDateAfter: data.dueDate });
    await recordAudit(tx, actor, { event: 'supervision.extended', targetType: 'supervisionItem', targetId: item.id, reason: data.reason, before: { dueDate: item.dueDate, version: item.version }, after: { dueDate: data.dueDate, version } });
    const notices = await noticeUnits(tx, item, { kind: 'supervision.extended', title: `督办事项延期至 ${data.dueDate}：${excerpt(item.text)}`, body: data.reason }, now);
    return { version, notices };
  });
}
