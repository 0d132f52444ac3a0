// Server only. Reads of monthly reporting as plain DTOs (numbers, 'YYYY-MM' months, 'YYYY-MM-DD' CST dates): the
// reporter's form, the bureau's review queue, completeness and timeliness, the overdue list, a figure's history,
// reminders, and the rows of exports. Every function takes the viewer first (except getReportingRecord, which shows
// nothing but counts) and checks what they may see.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { systemClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import type { Comparator, Frequency, IndicatorKind, TaskPartyRole, TaskProgress, ValueEventAction, ValueStage, ValueStatus } from '@/lib/generated/prisma/enums';
import { can } from '@/lib/permissions';
import { makeMonth, monthOf, monthRange, parseMonth, type Month } from '@/lib/periods';
import {
  buildFormDefinition,
  loadFirstReportingMonth,
  loadFormDefinition,
  loadLaggedStates,
  getPlanStructure,
  loadPreviousTaskReports,
  loadPreviousValues,
  loadReportingSettings,
  loadStoredTasks,
  loadStoredValues,
  userNames,
  type PlanStructure,
} from '@/lib/queries/reporting-form';
import { cstDate, dueDateOf, effectiveClosesAt, opensAt, timeliness, windowState, type Timeliness, type WindowState } from '@/lib/reporting/deadlines';
import { isExpected } from '@/lib/reporting/expected';
import { reportingRecord, type ReportingRecord } from '@/lib/reporting/rate';
import type { ReportingSettings } from '@/lib/reporting/settings';
import { canTransition } from '@/lib/reporting/state-machine';
import { breakdownTotal } from '@/lib/reporting/totals';

// ── Access ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** The bureau and leaders see every unit; a reporter sees its own unit's pending figures. */
function assertCanViewUnit(viewer: Actor, unitId: number): void {
  if (can(viewer, 'reporting.viewAllUnits')) return;
  if (viewer.unitId === unitId && can(viewer, 'figure.viewPending')) return;
  throw new ForbiddenError();
}

function assertCanViewAll(viewer: Actor): void {
  if (!can(viewer, 'reporting.viewAllUnits')) throw new ForbiddenError();
}

export async function getReportingSettings(): Promise<ReportingSettings & { version: number }> {
  return loadReportingSettings(await getDb());
}

// ── The reporter's form ────────────────────────────────────────────────────────────────────────────────────────

export interface FormWindowDto {
  state: WindowState;
  opensAt: Date;
  closesAt: Date;
  /** The last day accepted, CST ('YYYY-MM-DD'), extension included. */
  dueDate: string;
  extendedUntil: string | null;
  extensionReason: string | null;
  reopened: boolean;
  reopenReason: string | null;
}

export interface FormValueDto {
  id: number;
  value: number;
  /** Exactly as stored (canonical decimal string): what the input shows. */
  text: string;
  status: ValueStatus;
  version: number;
  comment: string | null;
  warnings: string[];
  returnReason: string | null;
  updatedBy: string | null;
  updatedAt: Date | null;
  isDemo: boolean;
}

export interface FormItemDto {
  key: string;
  subject: { id: number; name: string };
  period: Month;
  stage: ValueStage;
  required: boolean;
  groupId: number | null;
  previous: { period: Month; value: number; status: ValueStatus } | null;
  current: FormValueDto | null;
  editable: boolean;
}

export interface FormIndicatorDto {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  decimals: number;
  kind: IndicatorKind;
  frequency: Frequency;
  lagged: boolean;
  milestones: { year: number; value: number; comparator: Comparator; text: string }[];
  items: FormItemDto[];
  /** Per breakdown group (各镇街, 各园区管委会): the members' total of what is stored. */
  groups: { id: number; name: string; total: string; entered: number; missing: number }[];
}

export interface FormTaskDto {
  id: number;
  no: number;
  title: string;
  role: TaskPartyRole;
  required: boolean;
  leadLabels: string[];
  previous: { progress: string | null; narrative: string | null; note: string | null } | null;
  current: {
    id: number;
    progress: TaskProgress | null;
    narrative: string | null;
    note: string | null;
    status: ValueStatus;
    version: number;
    returnReason: string | null;
    updatedBy: string | null;
    updatedAt: Date | null;
  } | null;
  editable: boolean;
}

export interface SharedIndicatorDto {
  code: string;
  name: string;
  unit: string;
  decimals: number;
  reportedBy: { id: number; name: string } | null;
}

export interface ReminderDto {
  id: number;
  unitId: number;
  month: Month;
  message: string | null;
  sentAt: Date;
  sentBy: string;
}

export interface ReportFormDto {
  planId: string;
  month: Month;
  unit: { id: number; name: string };
  window: FormWindowDto;
  submission: {
    id: number;
    status: ValueStatus;
    version: number;
    submittedAt: Date | null;
    submittedBy: string | null;
    firstSubmittedAt: Date | null;
    timeliness: Timeliness;
  } | null;
  /** The version a submit must name: the submission's, or 0 before anything is saved. */
  version: number;
  indicators: FormIndicatorDto[];
  shared: SharedIndicatorDto[];
  tasks: FormTaskDto[];
  reminders: ReminderDto[];
  jumpThresholdPercent: number;
  completeness: { required: number; entered: number; missing: string[] };
  viewer: { canEdit: boolean; canSubmit: boolean; canReview: boolean };
}

/**
 * One unit's form for one month: exactly the figures it reports (with the previous period's figure and the
 * 2025/2027 milestones), breakdown members with their totals, the tasks it leads or shares, status, deadline and
 * return reasons. A reporter's unit is their own; the bureau and leaders may name any unit (read-only for leaders).
 */
export async function getReportForm(viewer: Actor, params: { month: Month; unitId?: number }, clock: Clock = systemClock): Promise<ReportFormDto> {
  const unitId = params.unitId ?? viewer.unitId;
  if (unitId == null) throw new ForbiddenError('您的账户未关联填报单位', 'Your account belongs to no reporting unit');
  assertCanViewUnit(viewer, unitId);
  const db = await getDb();
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { planId: true } });
  if (!unit) throw new NotFoundError('单位不存在', 'No such unit');
  const structure = await getPlanStructure(db, unit.planId);
  const def = await loadFormDefinition(db, structure, unitId, params.month);
  const now = clock();
  const [settings, submission, stored, previous, storedTasks, previousTasks, reminders] = await Promise.all([
    loadReportingSettings(db),
    db.submission.findUnique({ where: { unitId_month: { unitId, month: params.month } } }),
    loadStoredValues(db, def),
    loadPreviousValues(db, def),
    loadStoredTasks(db, unitId, params.month),
    loadPreviousTaskReports(db, unitId, params.month),
    viewer.unitId === unitId ? listUnseenReminders(viewer) : Promise.resolve([]),
  ]);
  const deadline = { month: params.month, dueDay: settings.dueDay, extendedUntil: submission?.extendedUntil ?? null, reopened: submission?.reopened ?? false };
  const window = windowState(now, deadline);
  const closesAt = effectiveClosesAt(deadline);
  const names = await userNames(db, [submission?.submittedById]);
  const canEnter = can(viewer, 'figure.enter', { unitId });
  const canReport = can(viewer, 'task.reportProgress', { unitId });

  const indicators: FormIndicatorDto[] = [];
  for (const ind of structure.indicators) {
    const items = def.items.filter((i) => i.indicatorId === ind.id);
    if (items.length === 0) continue;
    const itemDtos = items.map((item): FormItemDto => {
      const s = stored.get(item.key);
      return {
        key: item.key,
        subject: { id: item.subjectUnitId, name: structure.units.get(item.subjectUnitId)?.name ?? '' },
        period: item.period,
        stage: item.stage,
        required: item.required,
        groupId: item.groupId,
        previous: previous.get(item.key) ?? null,
        current: s
          ? {
              id: s.id,
              value: Number(s.value),
              text: s.value,
              status: s.status,
              version: s.version,
              comment: s.comment,
              warnings: s.warnings,
              returnReason: s.returnReason,
              updatedBy: s.updatedByName,
              updatedAt: s.updatedAt,
              isDemo: s.isDemo,
            }
          : null,
        editable: canEnter && canTransition(s?.status ?? 'none', 'save', { window }),
      };
    });
    indicators.push({
      id: ind.id,
      code: ind.code,
      name: ind.name,
      nameEn: ind.nameEn,
      unit: ind.unit,
      decimals: ind.decimals,
      kind: ind.kind,
      frequency: ind.frequency,
      lagged: ind.lagged,
      milestones: ind.milestones,
      items: itemDtos,
      groups: ind.breakdowns.map((g) => ({ id: g.groupId, name: g.groupName, ...breakdownTotal(itemDtos.filter((i) => i.groupId === g.groupId).map((i) => i.current?.text ?? null)) })),
    });
  }

  const taskMeta = new Map(structure.tasks.map((t) => [t.id, t]));
  const tasks = def.tasks.map((t): FormTaskDto => {
    const meta = taskMeta.get(t.taskId)!;
    const s = storedTasks.get(t.taskId);
    return {
      id: t.taskId,
      no: meta.no,
      title: meta.title,
      role: t.role,
      required: t.required,
      leadLabels: meta.leadLabels,
      previous: previousTasks.get(t.taskId) ?? null,
      current: s
        ? { id: s.id, progress: s.progress, narrative: s.narrative, note: s.note, status: s.status, version: s.version, returnReason: s.returnReason, updatedBy: s.updatedByName, updatedAt: s.updatedAt }
        : null,
      editable: canReport && canTransition(s?.status ?? 'none', 'save', { window }),
    };
  });

  const missing = [
    ...def.items.filter((i) => i.required && !stored.has(i.key)).map((i) => `values.${i.key}.value`),
    ...def.tasks.filter((t) => t.required && !(storedTasks.get(t.taskId)?.progress && storedTasks.get(t.taskId)?.narrative)).map((t) => `tasks.${t.taskId}.narrative`),
  ];
  const required = def.items.filter((i) => i.required).length + def.tasks.filter((t) => t.required).length;
  const hasSubmittable = [...stored.values()].some((s) => s.submissionId === submission?.id && (s.status === 'draft' || s.status === 'returned')) ||
    [...storedTasks.values()].some((t) => t.status === 'draft' || t.status === 'returned');

  return {
    planId: structure.planId,
    month: params.month,
    unit: { id: def.unit.id, name: def.unit.name },
    window: {
      state: window,
      opensAt: opensAt(params.month),
      closesAt,
      dueDate: dueDateOf(closesAt),
      extendedUntil: submission?.extendedUntil ? dueDateOf(submission.extendedUntil) : null,
      extensionReason: submission?.extensionReason ?? null,
      reopened: submission?.reopened ?? false,
      reopenReason: submission?.reopenReason ?? null,
    },
    submission: submission
      ? {
          id: submission.id,
          status: submission.status,
          version: submission.version,
          submittedAt: submission.submittedAt,
          submittedBy: submission.submittedById ? (names.get(submission.submittedById) ?? null) : null,
          firstSubmittedAt: submission.firstSubmittedAt,
          timeliness: timeliness(now, closesAt, submission.firstSubmittedAt),
        }
      : null,
    version: submission?.version ?? 0,
    indicators,
    shared: def.shared.map((i) => ({ code: i.code, name: i.name, unit: i.unit, decimals: i.decimals, reportedBy: i.reporters[0] ? { id: i.reporters[0].id, name: i.reporters[0].name } : null })),
    tasks,
    reminders,
    jumpThresholdPercent: Math.round(settings.jumpThreshold * 100),
    completeness: { required, entered: required - missing.length, missing },
    viewer: {
      canEdit: (canEnter || canReport) && window !== 'not_open',
      canSubmit: can(viewer, 'figure.submit', { unitId }) && hasSubmittable,
      canReview: can(viewer, 'figure.review', { submittedById: submission?.submittedById }),
    },
  };
}

// ── Review queue, completeness, overdue ────────────────────────────────────────────────────────────────────────

export type QueueBucket = 'submitted' | 'missing' | 'late' | 'returned';

export interface QueueRowDto {
  unit: { id: number; name: string; kind: string };
  expected: boolean;
  dueDate: string;
  extended: boolean;
  reopened: boolean;
  window: WindowState;
  timeliness: Timeliness;
  submission: { id: number; status: ValueStatus; version: number; submittedAt: Date | null; firstSubmittedAt: Date | null } | null;
  items: { total: number; draft: number; submitted: number; returned: number; approved: number; withWarnings: number };
  reminders: { count: number; lastSentAt: Date | null };
  buckets: QueueBucket[];
}

export interface ReviewQueueDto {
  month: Month;
  dueDate: string;
  rows: QueueRowDto[];
  counts: Record<QueueBucket, number> & { expected: number; approved: number; pending: number };
}

interface MonthContext {
  structure: PlanStructure;
  settings: ReportingSettings;
  lagged: Awaited<ReturnType<typeof loadLaggedStates>>;
  /** null: reporting has not started, nothing is expected yet. */
  firstMonth: Month | null;
}

async function monthContext(planId: string): Promise<MonthContext> {
  const db = await getDb();
  const structure = await getPlanStructure(db, planId);
  const [settings, lagged] = await Promise.all([loadReportingSettings(db), loadLaggedStates(db, structure)]);
  return { structure, settings, lagged, firstMonth: await loadFirstReportingMonth(db, structure, settings) };
}

function expectedOf(ctx: MonthContext, unitId: number, month: Month): boolean {
  if (ctx.firstMonth === null || month < ctx.firstMonth) return false;
  const def = buildFormDefinition(ctx.structure, unitId, month, ctx.lagged.get(unitId) ?? []);
  return isExpected(def.items, def.tasks);
}

function reportingUnits(structure: PlanStructure) {
  return [...structure.units.values()].filter((u) => u.kind !== 'region');
}

/** The bureau's queue for a month: per unit, submitted (awaiting review), missing, late, returned. */
export async function getReviewQueue(viewer: Actor, params: { planId: string; month: Month }, clock: Clock = systemClock): Promise<ReviewQueueDto> {
  assertCanViewAll(viewer);
  const db = await getDb();
  const ctx = await monthContext(params.planId);
  const now = clock();
  const units = reportingUnits(ctx.structure);
  const [submissions, reminderRows, activeUnits] = await Promise.all([
    db.submission.findMany({ where: { month: params.month, unit: { planId: params.planId } } }),
    db.reminder.groupBy({ by: ['unitId'], where: { month: params.month, unit: { planId: params.planId } }, _count: { _all: true }, _max: { sentAt: true } }),
    db.unit.findMany({ where: { planId: params.planId, active: true }, select: { id: true } }),
  ]);
  const active = new Set(activeUnits.map((u) => u.id));
  const bySubmission = new Map(submissions.map((s) => [s.unitId, s]));
  const submissionIds = submissions.map((s) => s.id);
  const [valueCounts, taskCounts, warned] = await Promise.all([
    db.indicatorValue.groupBy({ by: ['submissionId', 'status'], where: { submissionId: { in: submissionIds } }, _count: { _all: true } }),
    db.taskReport.groupBy({ by: ['submissionId', 'status'], where: { submissionId: { in: submissionIds } }, _count: { _all: true } }),
    db.indicatorValue.groupBy({ by: ['submissionId'], where: { submissionId: { in: submissionIds }, NOT: { warnings: { isEmpty: true } } }, _count: { _all: true } }),
  ]);
  const reminders = new Map(reminderRows.map((r) => [r.unitId, { count: r._count._all, lastSentAt: r._max.sentAt }]));
  const dueDate = dueDateOf(effectiveClosesAt({ month: params.month, dueDay: ctx.settings.dueDay, extendedUntil: null }));

  const rows: QueueRowDto[] = [];
  for (const unit of units) {
    const submission = bySubmission.get(unit.id) ?? null;
    const expected = expectedOf(ctx, unit.id, params.month);
    if (!expected && !submission) continue;
    if (!active.has(unit.id) && !submission) continue;
    const deadline = { month: params.month, dueDay: ctx.settings.dueDay, extendedUntil: submission?.extendedUntil ?? null, reopened: submission?.reopened ?? false };
    const closesAt = effectiveClosesAt(deadline);
    const items = { total: 0, draft: 0, submitted: 0, returned: 0, approved: 0, withWarnings: 0 };
    if (submission) {
      for (const c of [...valueCounts, ...taskCounts].filter((c) => c.submissionId === submission.id)) {
        items[c.status] += c._count._all;
        items.total += c._count._all;
      }
      items.withWarnings = warned.find((w) => w.submissionId === submission.id)?._count._all ?? 0;
    }
    const when = timeliness(now, closesAt, submission?.firstSubmittedAt ?? null);
    const buckets: QueueBucket[] = [];
    if (items.submitted > 0 && submission?.firstSubmittedAt) buckets.push('submitted');
    if (expected && when === 'missing') buckets.push('missing');
    if (when === 'late') buckets.push('late');
    if (items.returned > 0) buckets.push('returned');
    rows.push({
      unit: { id: unit.id, name: unit.name, kind: unit.kind },
      expected,
      dueDate: dueDateOf(closesAt),
      extended: Boolean(submission?.extendedUntil),
      reopened: submission?.reopened ?? false,
      window: windowState(now, deadline),
      timeliness: when,
      submission: submission ? { id: submission.id, status: submission.status, version: submission.version, submittedAt: submission.submittedAt, firstSubmittedAt: submission.firstSubmittedAt } : null,
      items,
      reminders: reminders.get(unit.id) ?? { count: 0, lastSentAt: null },
      buckets,
    });
  }
  const count = (b: QueueBucket) => rows.filter((r) => r.buckets.includes(b)).length;
  return {
    month: params.month,
    dueDate,
    rows,
    counts: {
      submitted: count('submitted'),
      missing: count('missing'),
      late: count('late'),
      returned: count('returned'),
      expected: rows.filter((r) => r.expected).length,
      approved: rows.filter((r) => r.submission?.status === 'approved').length,
      pending: rows.filter((r) => r.timeliness === 'pending').length,
    },
  };
}

export interface UnitYearDto extends ReportingRecord {
  unit: { id: number; name: string };
  months: { month: Month; expected: boolean; timeliness: Timeliness }[];
}

/** Months of a year that can be judged at `now`: within the plan, from the first reporting month, already open. */
function yearMonths(ctx: MonthContext, year: number, now: Date): Month[] {
  if (ctx.firstMonth === null) return [];
  const from = [makeMonth(year, 1), ctx.firstMonth].sort().at(-1)!;
  const to = [makeMonth(year, 12), makeMonth(ctx.structure.periodEnd, 12), monthOf(now)].sort()[0];
  return monthRange(from, to).filter((m) => parseMonth(m).year >= ctx.structure.periodStart);
}

async function unitYears(ctx: MonthContext, unitIds: number[], year: number, now: Date): Promise<UnitYearDto[]> {
  const db = await getDb();
  const months = yearMonths(ctx, year, now);
  const submissions = months.length
    ? await db.submission.findMany({
        where: { unitId: { in: unitIds }, month: { in: months } },
        select: { unitId: true, month: true, firstSubmittedAt: true, extendedUntil: true },
      })
    : [];
  const byKey = new Map(submissions.map((s) => [`${s.unitId}|${s.month}`, s]));
  return unitIds.map((unitId) => {
    const records = months.map((month) => {
      const s = byKey.get(`${unitId}|${month}`);
      const closesAt = effectiveClosesAt({ month, dueDay: ctx.settings.dueDay, extendedUntil: s?.extendedUntil ?? null });
      return { month, expected: expectedOf(ctx, unitId, month), timeliness: timeliness(now, closesAt, s?.firstSubmittedAt ?? null) };
    });
    return { unit: { id: unitId, name: ctx.structure.units.get(unitId)?.name ?? '' }, months: records, ...reportingRecord(records) };
  });
}

/**
 * A unit's reporting over a year: months expected (deadline passed, or submitted early), submitted, on time, late,
 * missing, and the reporting rate (submitted / expected, never above 100 %; null when nothing was expected yet).
 */
export async function getReportingRecord(planId: string, unitId: number, year: number, clock: Clock = systemClock): Promise<ReportingRecord> {
  const ctx = await monthContext(planId);
  if (!ctx.structure.units.has(unitId)) throw new NotFoundError('单位不存在', 'No such unit');
  const [row] = await unitYears(ctx, [unitId], year, clock());
  const { unit: _unit, months: _months, ...record } = row;
  return record;
}

/** Every reporting unit's record for a year, with the month-by-month detail (for the bureau's completeness table). */
export async function listReportingRecords(viewer: Actor, params: { planId: string; year: number }, clock: Clock = systemClock): Promise<UnitYearDto[]> {
  assertCanViewAll(viewer);
  const ctx = await monthContext(params.planId);
  const now = clock();
  const units = reportingUnits(ctx.structure).map((u) => u.id);
  const rows = await unitYears(ctx, units, params.year, now);
  return rows.filter((r) => r.months.some((m) => m.expected));
}

export interface OverdueDto {
  unit: { id: number; name: string };
  month: Month;
  dueDate: string;
  daysOverdue: number;
  reminders: { count: number; lastSentAt: Date | null };
}

/** Months past their deadline and not submitted, newest first, over the last `months` months (default 12). */
export async function listOverdue(viewer: Actor, params: { planId: string; months?: number }, clock: Clock = systemClock): Promise<OverdueDto[]> {
  assertCanViewAll(viewer);
  const db = await getDb();
  const ctx = await monthContext(params.planId);
  const now = clock();
  const current = monthOf(now);
  const span = Math.min(Math.max(params.months ?? 12, 1), 60);
  const first = ctx.firstMonth;
  if (first === null) return [];
  const months = monthRange(makeMonth(parseMonth(current).year, parseMonth(current).month - span), current).filter(
    (m) => m >= first && parseMonth(m).year >= ctx.structure.periodStart && parseMonth(m).year <= ctx.structure.periodEnd,
  );
  if (months.length === 0) return [];
  const units = reportingUnits(ctx.structure);
  const [submissions, reminderRows] = await Promise.all([
    db.submission.findMany({ where: { month: { in: months }, unit: { planId: params.planId } }, select: { unitId: true, month: true, firstSubmittedAt: true, extendedUntil: true } }),
    db.reminder.groupBy({ by: ['unitId', 'month'], where: { month: { in: months }, unit: { planId: params.planId } }, _count: { _all: true }, _max: { sentAt: true } }),
  ]);
  const byKey = new Map(submissions.map((s) => [`${s.unitId}|${s.month}`, s]));
  const reminders = new Map(reminderRows.map((r) => [`${r.unitId}|${r.month}`, { count: r._count._all, lastSentAt: r._max.sentAt }]));
  const out: OverdueDto[] = [];
  for (const month of [...months].reverse()) {
    for (const unit of units) {
      const s = byKey.get(`${unit.id}|${month}`);
      if (s?.firstSubmittedAt) continue;
      const closesAt = effectiveClosesAt({ month, dueDay: ctx.settings.dueDay, extendedUntil: s?.extendedUntil ?? null });
      if (now < closesAt || !expectedOf(ctx, unit.id, month)) continue;
      out.push({
        unit: { id: unit.id, name: unit.name },
        month,
        dueDate: dueDateOf(closesAt),
        daysOverdue: Math.floor((now.getTime() - closesAt.getTime()) / 86_400_000) + 1,
        reminders: reminders.get(`${unit.id}|${month}`) ?? { count: 0, lastSentAt: null },
      });
    }
  }
  return out;
}

// ── History ────────────────────────────────────────────────────────────────────────────────────────────────────

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

function toEventDto(e: { id: bigint; action: ValueEventAction; at: Date; actorName: string; fromStatus: ValueStatus | null; toStatus: ValueStatus; oldValue: { toString(): string } | null; newValue: { toString(): string } | null; detail: unknown; comment: string | null; reason: string | null; version: number }): ValueEventDto {
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

/** Everything that happened to one figure, oldest first: who entered, changed, submitted, approved, returned, unlocked it. */
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

export async function getTaskReportHistory(viewer: Actor, taskReportId: number): Promise<{ taskReport: { id: number; taskId: number; unitId: number; month: Month; status: ValueStatus; version: number }; events: ValueEventDto[] }> {
  const db = await getDb();
  const report = await db.taskReport.findUnique({ where: { id: taskReportId }, include: { events: { orderBy: { id: 'asc' } } } });
  if (!report) throw new NotFoundError('记录不存在', 'Not found');
  assertCanViewUnit(viewer, report.unitId);
  return {
    taskReport: { id: report.id, taskId: report.taskId, unitId: report.unitId, month: report.month, status: report.status, version: report.version },
    events: report.events.map(toEventDto),
  };
}

// ── Reminders ──────────────────────────────────────────────────────────────────────────────────────────────────

/** Reminders to the viewer's unit that this viewer has not acknowledged yet (shown after sign-in). */
export async function listUnseenReminders(viewer: Actor): Promise<ReminderDto[]> {
  if (viewer.unitId === null || viewer.userId === null) return [];
  const db = await getDb();
  const rows = await db.reminder.findMany({
    where: { unitId: viewer.unitId, receipts: { none: { userId: viewer.userId } } },
    orderBy: { sentAt: 'desc' },
    take: 20,
  });
  return rows.map((r) => ({ id: r.id, unitId: r.unitId, month: r.month, message: r.message, sentAt: r.sentAt, sentBy: r.sentByName }));
}

export interface ReminderWithReceiptsDto extends ReminderDto {
  unitName: string;
  seenBy: { name: string; at: Date }[];
}

/** The bureau's record of reminders sent, with who at the unit has seen each. */
export async function listReminders(viewer: Actor, params: { planId: string; month?: Month; unitId?: number }): Promise<ReminderWithReceiptsDto[]> {
  if (params.unitId === undefined) assertCanViewAll(viewer);
  else assertCanViewUnit(viewer, params.unitId);
  const db = await getDb();
  const rows = await db.reminder.findMany({
    where: { unit: { planId: params.planId }, month: params.month, unitId: params.unitId },
    orderBy: { sentAt: 'desc' },
    take: 500,
    include: { unit: { select: { name: true } }, receipts: { include: { user: { select: { displayName: true } } }, orderBy: { seenAt: 'asc' } } },
  });
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unitId,
    unitName: r.unit.name,
    month: r.month,
    message: r.message,
    sentAt: r.sentAt,
    sentBy: r.sentByName,
    seenBy: r.receipts.map((x) => ({ name: x.user.displayName, at: x.seenAt })),
  }));
}

// ── Export rows ────────────────────────────────────────────────────────────────────────────────────────────────

export type Cell = string | number | null;

export interface TableDto {
  title: string;
  columns: string[];
  rows: Cell[][];
}

const statusLabel: Record<ValueStatus, string> = { draft: '草稿', submitted: '待审核', returned: '已退回', approved: '已审核' };
const stageLabel: Record<ValueStage, string> = { final: '正式数', provisional: '快报数' };

const exportColumns = ['指标编码', '指标', '对象单位', '期间', '口径', '数值', '计量单位', '状态', '报送单位', '填报说明', '最后修改人', '最后修改时间', '审核时间'];

async function exportRows(viewer: Actor, where: { planId: string; month?: Month; code?: string; unitId?: number }): Promise<Cell[][]> {
  if (!can(viewer, 'figure.export')) throw new ForbiddenError();
  const all = can(viewer, 'reporting.viewAllUnits');
  if (!all && viewer.unitId === null) throw new ForbiddenError();
  if (!all && where.unitId !== undefined && where.unitId !== viewer.unitId) throw new ForbiddenError();
  const reporterUnitId = all ? where.unitId : viewer.unitId!;
  const db = await getDb();
  const rows = await db.indicatorValue.findMany({
    where: { indicator: { planId: where.planId, code: where.code }, month: where.month, reporterUnitId },
    include: {
      indicator: { select: { code: true, name: true, unit: true, position: true } },
      unit: { select: { name: true, position: true } },
      reporterUnit: { select: { name: true } },
      updatedBy: { select: { displayName: true } },
    },
    orderBy: [{ month: 'asc' }, { indicatorId: 'asc' }, { unitId: 'asc' }, { stage: 'asc' }],
  });
  return rows.map((r) => [
    r.indicator.code,
    r.indicator.name,
    r.unit.name,
    r.month,
    stageLabel[r.stage],
    Number(r.value),
    r.indicator.unit,
    statusLabel[r.status] + (r.isDemo ? '（演示）' : ''),
    r.reporterUnit.name,
    r.comment,
    r.updatedBy?.displayName ?? null,
    cstDate(r.updatedAt) + ' ' + new Date(r.updatedAt.getTime() + 8 * 3_600_000).toISOString().slice(11, 16),
    r.approvedAt ? cstDate(r.approvedAt) : null,
  ]);
}

/** Every figure of a month (all units for the bureau and leaders, the reporter's own unit otherwise), status marked. */
export async function getMonthExport(viewer: Actor, params: { planId: string; month: Month; unitId?: number }): Promise<TableDto> {
  const rows = await exportRows(viewer, params);
  return { title: `${params.month} 月度数据`, columns: exportColumns, rows };
}

/** One indicator's whole history (every month, unit, stage), status marked. */
export async function getIndicatorHistoryExport(viewer: Actor, params: { planId: string; code: string }): Promise<TableDto> {
  const db = await getDb();
  const indicator = await db.indicator.findUnique({ where: { planId_code: { planId: params.planId, code: params.code } }, select: { name: true } });
  if (!indicator) throw new NotFoundError(`指标 ${params.code} 不存在`, `No indicator ${params.code}`);
  const rows = await exportRows(viewer, params);
  return { title: `${indicator.name} 历史数据`, columns: exportColumns, rows };
}
