// Server only. Every function takes the acting user first. The raiser or the bureau accepts an answered item (办结)
// or returns it with a reason the units must answer. Bound to the version they saw: a close that races a new answer
// fails visibly instead of accepting an answer nobody read.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { systemClock, type Clock } from '@/lib/clock';
import { closeSupervisionSchema, returnSupervisionSchema, type CloseSupervisionInput, type ReturnSupervisionInput } from '@/lib/schemas/supervision/items';
import { excerpt, noticeUnits, parse, recordStep, takeRaiserStep, writeAtVersion } from './store';

export async function closeSupervision(actor: Actor, input: CloseSupervisionInput, clock: Clock = systemClock): Promise<{ version: number }> {
  const data = parse(closeSupervisionSchema, input);
  const refusal: [string, string] = ['只有已反馈的督办事项可以办结', 'Only an answered item can be accepted'];
  return takeRaiserStep(actor, data.itemId, { action: 'close', refusal }, clock, async (tx, item, next, now, name) => {
    const version = await writeAtVersion(tx, item, data.version, { state: next, closedAt: now });
    await recordStep(tx, { itemId: item.id, kind: 'closed', at: now, actor, actorName: name, version, text: data.comment || null });
    await recordAudit(tx, actor, { event: 'supervision.closed', targetType: 'supervisionItem', targetId: item.id, before: { state: item.state, version: item.version }, after: { state: next, version, comment: data.comment ?? null } });
    const notices = await noticeUnits(tx, item, { kind: 'supervision.closed', title: `督办事项已办结：${excerpt(item.text)}` }, now);
    return { version, notices };
  });
}

export async function returnSupervision(actor: Actor, input: ReturnSupervisionInput, clock: Clock = systemClock): Promise<{ version: number }> {
  const data = parse(returnSupervisionSchema, input);
  const refusal: [string, string] = ['只有已反馈的督办事项可以退回', 'Only an answered item can be returned'];
  return takeRaiserStep(actor, data.itemId, { action: 'return', refusal }, clock, async (tx, item, next, now, name) => {
    const version = await writeAtVersion(tx, item, data.version, { state: next });
    await recordStep(tx, { itemId: item.id, kind: 'returned', at: now, actor, actorName: name, version, text: data.reason });
    await recordAudit(tx, actor, { event: 'supervision.returned', targetType: 'supervisionItem', targetId: item.id, reason: data.reason, before: { state: item.state, version: item.version }, after: { state: next, version } });
    const notices = await noticeUnits(tx, item, { kind: 'supervision.returned', title: `督办反馈被退回：${excerpt(item.text)}`, body: data.reason }, now);
    return { version, notices };
  });
}
