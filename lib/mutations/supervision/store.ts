// Server only. The steps the supervision mutations share: parsing again (scripts and tests call them without an
// action), the item loaded with its units, who may touch it, the version-checked write, the step's event row and
// the notices it sends. Each mutation runs these inside one transaction, audit row included.
import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/actor';
import type { Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { ConflictError, DomainError, ForbiddenError, InvalidTransitionError, NotFoundError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { SupervisionEventKind, SupervisionState, SupervisionUnitRole, TaskProgress } from '@/lib/generated/prisma/enums';
import { databaseChannel } from '@/lib/mutations/notices/database-channel';
import { dispatchOutward } from '@/lib/mutations/notices/dispatch';
import type { NoticeMessage, StoredNotice } from '@/lib/notices/channel';
import { can, hasRole } from '@/lib/permissions';
import { translateFieldErrors } from '@/lib/reporting/errors';
import { nextSupervisionState } from '@/lib/supervision/state-machine';

export type Tx = Prisma.TransactionClient;

/** Interactive transactions wait for a pooled connection under load rather than fail. */
export const TX_OPTIONS = { timeout: 60_000, maxWait: 30_000 } as const;

export class SupervisionValidationError extends DomainError {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super('填写内容有误，请按提示修改', 'Please correct the highlighted fields', translateFieldErrors(fieldErrors));
  }
}

export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (fieldErrors[issue.path.join('.') || 'form'] ??= []).push(issue.message);
  throw new SupervisionValidationError(fieldErrors);
}

export async function actorName(tx: Pick<Tx, 'user'>, actor: Actor): Promise<string> {
  if (actor.userId === null) return actor.username;
  const user = await tx.user.findUnique({ where: { id: actor.userId }, select: { displayName: true } });
  return user?.displayName ?? actor.username;
}

export interface LoadedItem {
  id: number;
  planId: string;
  state: SupervisionState;
  version: number;
  dueDate: string;
  raisedById: number | null;
  raisedAt: Date;
  text: string;
  isDemo: boolean;
  units: { unitId: number; role: SupervisionUnitRole }[];
}

export async function loadItem(tx: Tx, itemId: number): Promise<LoadedItem> {
  const item = await tx.supervisionItem.findUnique({
    where: { id: itemId },
    select: { id: true, planId: true, state: true, version: true, dueDate: true, raisedById: true, raisedAt: true, text: true, isDemo: true, units: { select: { unitId: true, role: true } } },
  });
  if (!item) throw new NotFoundError('督办事项不存在', 'No such supervision item');
  return item;
}

/** Only the one who raised the item, or the bureau, accepts, returns or extends it. */
export function assertRaiserOrBureau(actor: Actor, item: LoadedItem): void {
  if (hasRole(actor, 'bureau_reviewer')) return;
  if (hasRole(actor, 'leader') && actor.userId !== null && actor.userId === item.raisedById) return;
  throw new ForbiddenError('只有提出人或区科技局可以办结、退回或延期', 'Only whoever raised the item, or the bureau, may accept, return or extend it');
}

/** A unit answers only the items it leads or co-operates on. */
export function assertAnsweringUnit(actor: Actor, item: LoadedItem): number {
  if (!hasRole(actor, 'unit_reporter') || actor.unitId === null || !item.units.some((u) => u.unitId === actor.unitId)) {
    throw new ForbiddenError('只有承办单位可以反馈本督办事项', 'Only the assigned units may answer this item');
  }
  return actor.unitId;
}

/** "Changed by X at T": who made the step the user did not see. */
async function conflict(tx: Tx, itemId: number): Promise<ConflictError> {
  const last = await tx.supervisionEvent.findFirst({ where: { itemId }, orderBy: { id: 'desc' }, select: { actorName: true, at: true } });
  if (!last) return new ConflictError();
  return new ConflictError(
    `该督办事项已被 ${last.actorName} 于 ${formatDateTime(last.at, 'zh-CN')} 处理，请刷新后重试`,
    `This item was changed by ${last.actorName} at ${formatDateTime(last.at, 'en')}; reload and try again`,
  );
}

/**
 * The version check: the write happens only if the item is still at the version the user saw. Two units answering
 * at once, or a close racing an answer, both start from the same version; the row lock makes the second wait and
 * then find the version moved, so it fails with who changed it instead of overwriting.
 */
export async function writeAtVersion(tx: Tx, item: LoadedItem, seenVersion: number, data: Prisma.SupervisionItemUpdateManyMutationInput): Promise<number> {
  if (seenVersion !== item.version) throw await conflict(tx, item.id);
  const { count } = await tx.supervisionItem.updateMany({ where: { id: item.id, version: seenVersion }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw await conflict(tx, item.id);
  return seenVersion + 1;
}

export async function recordStep(
  tx: Tx,
  step: { itemId: number; kind: SupervisionEventKind; at: Date; actor: Actor; actorName: string; version: number; unitId?: number; text?: string | null; selfStatus?: TaskProgress; attachments?: unknown[]; dueDateBefore?: string; dueDateAfter?: string },
): Promise<void> {
  await tx.supervisionEvent.create({
    data: {
      itemId: step.itemId,
      kind: step.kind,
      at: step.at,
      actorId: step.actor.userId,
      actorName: step.actorName,
      unitId: step.unitId ?? null,
      text: step.text ?? null,
      selfStatus: step.selfStatus ?? null,
      attachments: step.attachments?.length ? (step.attachments as Prisma.InputJsonValue) : undefined,
      dueDateBefore: step.dueDateBefore ?? null,
      dueDateAfter: step.dueDateAfter ?? null,
      version: step.version,
    },
  });
}

/** Notices to every assigned unit, recorded in this transaction (database channel). */
export async function noticeUnits(tx: Tx, item: Pick<LoadedItem, 'id' | 'units' | 'isDemo'>, message: Omit<NoticeMessage, 'recipient' | 'link'>, at: Date): Promise<StoredNotice[]> {
  const channel = databaseChannel(tx);
  const out: StoredNotice[] = [];
  for (const unit of item.units) out.push(await channel.record({ ...message, recipient: { unitId: unit.unitId }, link: `/supervision/${item.id}` }, at, item.isDemo));
  return out;
}

export async function noticeRaiser(tx: Tx, item: Pick<LoadedItem, 'id' | 'raisedById' | 'isDemo'>, message: Omit<NoticeMessage, 'recipient' | 'link'>, at: Date): Promise<StoredNotice[]> {
  if (item.raisedById === null) return [];
  return [await databaseChannel(tx).record({ ...message, recipient: { userId: item.raisedById }, link: `/supervision/${item.id}` }, at, item.isDemo)];
}

/** A short line of the item's text for a notice title. */
export function excerpt(text: string, max = 40): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/**
 * The frame of a step only the raiser or the bureau may take (accept, return, extend): the coarse permission, then
 * in one transaction the item loaded, the raiser-or-bureau check, the state transition, and the step's own writes
 * (version-checked update, step row, audit row, notices); outward delivery after commit.
 */
export async function takeRaiserStep(
  actor: Actor,
  itemId: number,
  transition: { action: 'close' | 'return' | 'extend'; refusal: [zh: string, en: string] },
  clock: Clock,
  write: (tx: Tx, item: LoadedItem, next: SupervisionState, now: Date, name: string) => Promise<{ version: number; notices: StoredNotice[] }>,
): Promise<{ version: number }> {
  if (!can(actor, 'supervision.close')) throw new ForbiddenError();
  const db = await getDb();
  const now = clock();
  const { version, notices } = await db.$transaction(async (tx) => {
    const item = await loadItem(tx, itemId);
    assertRaiserOrBureau(actor, item);
    const next = nextSupervisionState(item.state, transition.action);
    if (!next) throw new InvalidTransitionError(...transition.refusal);
    return write(tx, item, next, now, await actorName(tx, actor));
  }, TX_OPTIONS);
  void dispatchOutward(notices);
  return { version };
}
