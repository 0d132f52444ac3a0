// Server only. Every function takes the viewer first. What happened to a figure or a task report, oldest first: who
// entered, changed, submitted, approved, returned or unlocked it, when, and why.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import type { ValueEventAction, ValueStage, ValueStatus } from '@/lib/generated/prisma/enums';
import type { Month } from '@/lib/periods';
import { assertCanViewUnit } from '@/lib/queries/reporting/access';

export interface ValueEventDto {
  id: string;
  action: ValueEventAction;
  at: Date;
  actor: string;
  fromStatus: ValueStatus | null;
  toStatus: ValueStatus;
  oldValue: number | null;
  newValue: number | null;
  detail: unknown;
  comment: string | null;
  reason: string | null;
  version: number;
}

export interface ValueHistoryDto {
  value: {
    id: number;
    indicator: { code: string; name: string; unit: string; decimals: number };
    subject: { id: number; name: string };
    reporter: { id: number; name: string };
    period: Month;
    stage: ValueStage;
    status: ValueStatus;
    version: number;
    current: number;
  };
  events: ValueEventDto[];
}

function toEventDto(e: {
  id: bigint;
  action: ValueEventAction;
  at: Date;
  actorName: string;
  fromStatus: ValueStatus | null;
  toStatus: ValueStatus;
  oldValue: { toString(): string } | null;
  newValue: { toString(): string } | null;
  detail: unknown;
  comment: string | null;
  reason: string | null;
  version: number;
}): ValueEventDto {
  return {
    id: e.id.toString(),
    action: e.action,
    at: e.at,
    actor: e.actorName,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    oldValue: e.oldValue === null ? null : Number(e.oldValue.toString()),
    newValue: e.newValue === null ? null : Number(e.newValue.toString()),
    detail: e.detail,
    comment: e.comment,
    reason: e.reason,
    version: e.version,
  };
}

/**
 * Everything that happened to one figure, oldest first: who entered, changed, submitted, approved, returned, unlocked
 * it.
 */
export async function getValueHistory(viewer: Actor, valueId: number): Promise<ValueHistoryDto> {
  const db = await getDb();
  const value = await db.indicatorValue.findUnique({
    where: { id: valueId },
    include: {
      indicator: { select: { code: true, name: true, unit: true, decimals: true } },
      unit: { select: { id: true, name: true } },
      reporterUnit: { select: { id: true, name: true } },
      events: { orderBy: { id: 'asc' } },
    },
  });
  if (!value) throw new NotFoundError('数据不存在', 'No such figure');
  assertCanViewUnit(viewer, value.reporterUnitId);
  return {
    value: {
      id: value.id,
      indicator: value.indicator,
      subject: value.unit,
      reporter: value.reporterUnit,
      period: value.month,
      stage: value.stage,
      status: value.status,
      version: value.version,
      current: Number(value.value),
    },
    events: value.events.map(toEventDto),
  };
}

export async function getTaskReportHistory(
  viewer: Actor,
  taskReportId: number,
): Promise<{
  taskReport: { id: number; taskId: number; unitId: number; month: Month; status: ValueStatus; version: number };
  events: ValueEventDto[];
}> {
  const db = await getDb();
  const report = await db.taskReport.findUnique({
    where: { id: taskReportId },
    include: { events: { orderBy: { id: 'asc' } } },
  });
  if (!report) throw new NotFoundError('记录不存在', 'Not found');
  assertCanViewUnit(viewer, report.unitId);
  return {
    taskReport: {
      id: report.id,
      taskId: report.taskId,
      unitId: report.unitId,
      month: report.month,
      status: report.status,
      version: report.version,
    },
    events: report.events.map(toEventDto),
  };
}

/**
 * The events of many figures at once, by figure id, oldest first: one query however many figures a form holds. Each
 * figure is checked like getValueHistory; one that is missing or not the viewer's to see fails the whole call.
 */
export async function listValueEvents(viewer: Actor, valueIds: number[]): Promise<Map<number, ValueEventDto[]>> {
  const ids = [...new Set(valueIds)];
  if (ids.length === 0) return new Map();
  const db = await getDb();
  const values = await db.indicatorValue.findMany({
    where: { id: { in: ids } },
    select: { id: true, reporterUnitId: true, events: { orderBy: { id: 'asc' } } },
  });
  if (values.length !== ids.length) throw new NotFoundError('数据不存在', 'No such figure');
  for (const unitId of new Set(values.map((v) => v.reporterUnitId))) assertCanViewUnit(viewer, unitId);
  return new Map(values.map((v) => [v.id, v.events.map(toEventDto)]));
}

/** The events of many task reports at once, by report id, oldest first (one query), checked like the single one. */
export async function listTaskReportEvents(
  viewer: Actor,
  taskReportIds: number[],
): Promise<Map<number, ValueEventDto[]>> {
  const ids = [...new Set(taskReportIds)];
  if (ids.length === 0) return new Map();
  const db = await getDb();
  const reports = await db.taskReport.findMany({
    where: { id: { in: ids } },
    select: { id: true, unitId: true, events: { orderBy: { id: 'asc' } } },
  });
  if (reports.length !== ids.length) throw new NotFoundError('记录不存在', 'Not found');
  for (const unitId of new Set(reports.map((r) => r.unitId))) assertCanViewUnit(viewer, unitId);
  return new Map(reports.map((r) => [r.id, r.events.map(toEventDto)]));
}
