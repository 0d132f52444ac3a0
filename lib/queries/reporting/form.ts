// Server only. Every function takes the viewer first. The reporter's monthly form as plain DTOs (numbers, 'YYYY-MM'
// months, 'YYYY-MM-DD' CST dates): exactly the figures and tasks the unit reports, with status, deadline and return
// reasons, read through the same loaders a save uses.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { systemClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import type {
  Comparator,
  Frequency,
  IndicatorKind,
  TaskPartyRole,
  TaskProgress,
  ValueStage,
  ValueStatus,
} from '@/lib/generated/prisma/enums';
import {
  loadFormDefinition,
  loadPreviousValues,
  loadReportingSettings,
  loadStoredTasks,
  loadStoredValues,
  userNames,
} from '@/lib/mutations/reporting/form-store';
import { getPlanStructure } from '@/lib/mutations/reporting/plan-structure';
import type { Client } from '@/lib/mutations/reporting/store';
import { can } from '@/lib/permissions';
import { addMonths, type Month } from '@/lib/periods';
import { assertCanViewUnit } from '@/lib/queries/reporting/access';
import { listUnseenReminders, type ReminderDto } from '@/lib/queries/reporting/reminders';
import {
  dueDateOf,
  effectiveClosesAt,
  opensAt,
  timeliness,
  windowState,
  type Timeliness,
  type WindowState,
} from '@/lib/reporting/deadlines';
import { canTransition } from '@/lib/reporting/state-machine';
import { breakdownTotal } from '@/lib/reporting/totals';
import { queueState, type QueueState, type QueueStateInput } from '@/lib/reporting/queue-state';
import { checkBreakdown, groupCoverage, type BreakdownCheck, type GroupCoverage } from '@/lib/reporting/breakdown-check';

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
  /** Counted from the enterprise registry: never typed (the form shows it read only, a typed figure is refused). */
  registryCounted: boolean;
  milestones: { year: number; value: number; comparator: Comparator; text: string }[];
  items: FormItemDto[];
  /**
   * Per breakdown group (各镇街, 各园区管委会): the members' total of what is stored, whether the group covers the
   * whole district (towns) or lies within it (parks), and the stored total checked against the stored breakdown.
   */
  groups: { id: number; name: string; total: string; entered: number; missing: number; coverage: GroupCoverage; check: BreakdownCheck }[];
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
  /**
   * The unit's one state for the month, by the queue's own definition (lib/reporting/queue-state.ts), so the form's
   * badge never says 草稿 while items await review, nor disagrees with the bureau's queue.
   */
  state: QueueState;
  /**
   * What `state` was derived from (item counts by status, first submitted, withdrawn, past the deadline): the form
   * moves the badge itself after a draft save, from the statuses the save answers with (components/reporting/form-live.ts).
   */
  stateFacts: QueueStateInput;
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
export async function getReportForm(
  viewer: Actor,
  params: { month: Month; unitId?: number },
  clock: Clock = systemClock,
): Promise<ReportFormDto> {
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
  const deadline = {
    month: params.month,
    dueDay: settings.dueDay,
    extendedUntil: submission?.extendedUntil ?? null,
    reopened: submission?.reopened ?? false,
  };
  const window = windowState(now, deadline);
  const closesAt = effectiveClosesAt(deadline);
  const [names, valueCounts, taskCounts] = await Promise.all([
    userNames(db, [submission?.submittedById]),
    submission ? db.indicatorValue.groupBy({ by: ['status'], where: { submissionId: submission.id }, _count: { _all: true } }) : Promise.resolve([]),
    submission ? db.taskReport.groupBy({ by: ['status'], where: { submissionId: submission.id }, _count: { _all: true } }) : Promise.resolve([]),
  ]);
  const counts = { total: 0, draft: 0, submitted: 0, returned: 0, approved: 0 };
  for (const c of [...valueCounts, ...taskCounts]) {
    counts[c.status] += c._count._all;
    counts.total += c._count._all;
  }
  const stateFacts = { items: counts, firstSubmittedAt: submission?.firstSubmittedAt ?? null, withdrawnAt: submission?.withdrawnAt ?? null, pastDue: now >= closesAt };
  const state = queueState(stateFacts);
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
      registryCounted: ind.registryCounted,
      milestones: ind.milestones,
      items: itemDtos,
      groups: ind.breakdowns.map((g) => {
        const members = itemDtos.filter((i) => i.groupId === g.groupId);
        const totalItem = itemDtos.find((i) => i.groupId === null && i.period === members[0]?.period && i.stage === members[0]?.stage);
        const coverage = groupCoverage(g.memberIds.map((id) => structure.units.get(id)?.kind ?? 'other'));
        const values = members.map((i) => i.current?.text ?? null);
        return {
          id: g.groupId,
          name: g.groupName,
          ...breakdownTotal(values),
          coverage,
          check: checkBreakdown({ unit: ind.unit, kind: ind.kind, coverage, total: totalItem?.current?.text ?? null, values }),
        };
      }),
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
        ? {
            id: s.id,
            progress: s.progress,
            narrative: s.narrative,
            note: s.note,
            status: s.status,
            version: s.version,
            returnReason: s.returnReason,
            updatedBy: s.updatedByName,
            updatedAt: s.updatedAt,
          }
        : null,
      editable: canReport && canTransition(s?.status ?? 'none', 'save', { window }),
    };
  });

  const missing = [
    ...def.items.filter((i) => i.required && !stored.has(i.key)).map((i) => `values.${i.key}.value`),
    ...def.tasks
      .filter((t) => t.required && !(storedTasks.get(t.taskId)?.progress && storedTasks.get(t.taskId)?.narrative))
      .map((t) => `tasks.${t.taskId}.narrative`),
  ];
  const required = def.items.filter((i) => i.required).length + def.tasks.filter((t) => t.required).length;
  const hasSubmittable =
    [...stored.values()].some(
      (s) => s.submissionId === submission?.id && (s.status === 'draft' || s.status === 'returned'),
    ) || [...storedTasks.values()].some((t) => t.status === 'draft' || t.status === 'returned');

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
    state,
    stateFacts,
    version: submission?.version ?? 0,
    indicators,
    shared: def.shared.map((i) => ({
      code: i.code,
      name: i.name,
      unit: i.unit,
      decimals: i.decimals,
      reportedBy: i.reporters[0] ? { id: i.reporters[0].id, name: i.reporters[0].name } : null,
    })),
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

/** Last month's lead narratives, shown beside this month's for continuity. */
async function loadPreviousTaskReports(
  client: Client,
  unitId: number,
  month: Month,
): Promise<Map<number, { progress: string | null; narrative: string | null; note: string | null }>> {
  const rows = await client.taskReport.findMany({
    where: { unitId, month: addMonths(month, -1) },
    select: { taskId: true, progress: true, narrative: true, note: true },
  });
  return new Map(rows.map((r) => [r.taskId, { progress: r.progress, narrative: r.narrative, note: r.note }]));
}
