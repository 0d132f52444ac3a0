// Server only. Every function takes the acting user first. A unit answers an item it leads or co-operates on:
// progress text, its own assessment, optional attachment metadata. Version-checked: of two units answering from the
// same version, one wins and the other is told who answered first.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { systemClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { InvalidTransitionError } from '@/lib/errors';
import { dispatchOutward } from '@/lib/mutations/notices/dispatch';
import { answerSupervisionSchema, type AnswerSupervisionInput } from '@/lib/schemas/supervision/items';
import { nextSupervisionState } from '@/lib/supervision/state-machine';
import { actorName, assertAnsweringUnit, excerpt, loadItem, noticeRaiser, parse, recordStep, TX_OPTIONS, writeAtVersion } from './store';

export async function answerSupervision(actor: Actor, input: AnswerSupervisionInput, clock: Clock = systemClock): Promise<{ version: number }> {
  const data = parse(answerSupervisionSchema, input);
  const db = await getDb();
  const now = clock();
  const { version, notices } = await db.$transaction(async (tx) => {
    const item = await loadItem(tx, data.itemId);
    const unitId = assertAnsweringUnit(actor, item);
    const next = nextSupervisionState(item.state, 'answer');
    if (!next) throw new InvalidTransitionError('该督办事项已办结，不能再反馈', 'This item is closed; no more answers');
    const version = await writeAtVersion(tx, item, data.version, { state: next, lastAnsweredAt: now });
    const name = await actorName(tx, actor);
    await recordStep(tx, { itemId: item.id, kind: 'answered', at: now, actor, actorName: name, version, unitId, text: data.text, selfStatus: data.selfStatus, attachments: data.attachments });
    await recordAudit(tx, actor, { event: 'supervision.answered', targetType: 'supervisionItem', targetId: item.id, before: { state: item.state, version: item.version }, after: { state: next, version, unitId, selfStatus: data.selfStatus, attachments: data.attachments.length } });
    const notices = await noticeRaiser(tx, item, { kind: 'supervision.answered', title: `督办事项已反馈：${excerpt(item.text)}`, body: excerpt(data.text, 120) }, now);
    return { version, notices };
  }, TX_OPTIONS);
  void dispatchOutward(notices);
  return { version };
}
