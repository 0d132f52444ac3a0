// Server only. The transaction steps every reporting write shares: checking input and permission again, finding the
// reporter's unit, locking a unit's month and recomputing its status, and naming who changed what last.
//
// Lock order, to rule out deadlocks: the Submission row first (SELECT … FOR UPDATE), then its figures and task
// reports. Every write to a form's items takes its submission's lock, so two saves of one unit's month run one
// after the other and the second sees the first's versions.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ValueStatus } from '@/lib/generated/prisma/enums';
import { can, type Action } from '@/lib/permissions';
import { ReportValidationError, type ConflictDetail } from '@/lib/reporting/errors';
import { submissionStatus } from '@/lib/reporting/state-machine';
import type { z } from 'zod';

/** A transaction. */
export type Tx = Prisma.TransactionClient;
/** Any client: the process database or a transaction. */
export type Client = Prisma.TransactionClient;

/** Interactive transactions wait for a pooled connection under load (20 units saving at once) rather than fail. */
export const TX_OPTIONS = { timeout: 60_000, maxWait: 30_000 } as const;

/** Domain functions check their input again: scripts and tests call them without an action in front. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (fieldErrors[issue.path.join('.') || 'form'] ??= []).push(issue.message);
  throw new ReportValidationError(fieldErrors);
}

export function assertCan(
  actor: Actor,
  action: Action,
  context: Parameters<typeof can>[2] = {},
  message?: [string, string],
): void {
  if (!can(actor, action, context)) throw message ? new ForbiddenError(...message) : new ForbiddenError();
}

/** The reporter's unit is the actor's own: input never names it. */
export function reporterUnit(actor: Actor, action: Action): number {
  if (actor.unitId === null)
    throw new ForbiddenError('您的账户未关联填报单位', 'Your account belongs to no reporting unit');
  assertCan(actor, action, { unitId: actor.unitId });
  return actor.unitId;
}

export async function planIdOfUnit(client: Client, unitId: number): Promise<string> {
  const unit = await client.unit.findUnique({ where: { id: unitId }, select: { planId: true, kind: true } });
  if (!unit || unit.kind === 'region') throw new NotFoundError('单位不存在', 'No such unit');
  return unit.planId;
}

export interface LockedSubmission {
  id: number;
  unitId: number;
  month: string;
  status: ValueStatus;
  version: number;
  firstSubmittedAt: Date | null;
  submittedById: number | null;
  extendedUntil: Date | null;
  reopened: boolean;
}

export const submissionSelect = {
  id: true,
  unitId: true,
  month: true,
  status: true,
  version: true,
  firstSubmittedAt: true,
  submittedById: true,
  extendedUntil: true,
  reopened: true,
} as const;

/** The unit's submission for the month, created on first use, locked until the transaction ends. */
export async function lockSubmission(
  tx: Tx,
  unitId: number,
  month: string,
  create = true,
  /** The clock's time of the write: the new row's created/updated times (lib/db/clock-stamps.ts otherwise). */
  now?: Date,
): Promise<(LockedSubmission & { created: boolean }) | null> {
  const created = create
    ? (await tx.submission.createMany({ data: [{ unitId, month, ...(now ? { createdAt: now, updatedAt: now } : {}) }], skipDuplicates: true })).count === 1
    : false;
  const locked = await tx.$queryRaw<
    { id: number }[]
  >`SELECT "id" FROM "Submission" WHERE "unitId" = ${unitId} AND "month" = ${month} FOR UPDATE`;
  if (locked.length === 0) return null;
  return {
    ...(await tx.submission.findUniqueOrThrow({ where: { id: locked[0].id }, select: submissionSelect })),
    created,
  };
}

export async function lockSubmissionsById(tx: Tx, ids: number[]): Promise<void> {
  for (const id of [...new Set(ids)].sort((a, b) => a - b))
    await tx.$queryRaw`SELECT "id" FROM "Submission" WHERE "id" = ${id} FOR UPDATE`;
}

/** Recomputes a submission's status from its items and moves its version: approval of "the whole" is bound to it. */
export async function refreshSubmission(
  tx: Tx,
  submissionId: number,
  extra: Prisma.SubmissionUpdateInput = {},
  now?: Date,
): Promise<{ status: ValueStatus; version: number }> {
  // Sequential: one connection per transaction, and node-postgres wants one query at a time on it.
  const values = await tx.indicatorValue.findMany({ where: { submissionId }, select: { status: true } });
  const tasks = await tx.taskReport.findMany({ where: { submissionId }, select: { status: true } });
  const status = submissionStatus([...values, ...tasks].map((i) => i.status));
  const updated = await tx.submission.update({
    where: { id: submissionId },
    data: { ...(now ? { updatedAt: now } : {}), ...extra, status, version: { increment: 1 } },
    select: { status: true, version: true },
  });
  return updated;
}

export async function actorName(tx: Tx, actor: Actor): Promise<string> {
  if (actor.userId === null) return actor.username;
  const user = await tx.user.findUnique({ where: { id: actor.userId }, select: { displayName: true } });
  return user?.displayName ?? actor.username;
}

/** "Changed by X at T" for a whole submission: the newest event on any of its items. */
export async function lastChangeOf(tx: Tx, submissionId: number): Promise<ConflictDetail> {
  const last = await tx.valueEvent.findFirst({
    where: { OR: [{ value: { submissionId } }, { taskReport: { submissionId } }] },
    orderBy: { id: 'desc' },
    select: { actorName: true, at: true },
  });
  return { field: 'submission', changedBy: last?.actorName ?? null, changedAt: last?.at ?? null };
}

export type EventRow = Prisma.ValueEventCreateManyInput;
