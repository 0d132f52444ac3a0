// Server only. The building blocks of a unit's monthly form, read through any client (the process database or a
// transaction): the form the plan asks of the unit, what is stored, and the previous figures to compare with. Shared
// by the writes (inside their transaction) and by lib/queries/reporting (pages), so that a page and a save always
// agree on what the form contains.
import 'server-only';
import { NotFoundError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Frequency, ValueStage, ValueStatus } from '@/lib/generated/prisma/enums';
import { makeMonth, parseMonth, type Month } from '@/lib/periods';
import {
  expectedItems,
  expectedTasks,
  previousPeriod,
  type ExpectedTask,
  type LaggedFigureState,
} from '@/lib/reporting/expected';
import { canonicalFigure } from '@/lib/reporting/figures';
import type { FormItem, StoredItem, StoredTask } from '@/lib/reporting/form-plan';
import { itemKey } from '@/lib/reporting/keys';
import { readReportingSettings, REPORTING_SETTING_KEY, type ReportingSettings } from '@/lib/reporting/settings';
import type { IndicatorMeta, PlanStructure, UnitRef } from '@/lib/mutations/reporting/plan-structure';
import type { Client } from '@/lib/mutations/reporting/store';

export async function loadReportingSettings(client: Client): Promise<ReportingSettings & { version: number }> {
  const row = await client.appSetting.findUnique({ where: { key: REPORTING_SETTING_KEY } });
  return { ...readReportingSettings(row?.value), version: row?.version ?? 0 };
}

/**
 * The first month the platform asks for: the configured one, else the month of the plan's earliest report (the
 * platform went live then; months before it are never "missing"), else none yet (null: nothing is expected).
 */
export async function loadFirstReportingMonth(
  client: Client,
  structure: Pick<PlanStructure, 'planId' | 'periodStart'>,
  settings: ReportingSettings,
): Promise<Month | null> {
  if (settings.firstMonth) return settings.firstMonth;
  const earliest = await client.submission.findFirst({
    where: { unit: { planId: structure.planId } },
    orderBy: { month: 'asc' },
    select: { month: true },
  });
  if (!earliest) return null;
  const planStart = makeMonth(structure.periodStart, 1);
  return earliest.month < planStart ? planStart : earliest.month;
}

export function isPlanMonth(structure: Pick<PlanStructure, 'periodStart' | 'periodEnd'>, month: Month): boolean {
  const { year } = parseMonth(month);
  return year >= structure.periodStart && year <= structure.periodEnd;
}

export interface FormDefinition {
  structure: PlanStructure;
  unit: UnitRef;
  month: Month;
  items: FormItem[];
  itemMap: Map<string, FormItem>;
  tasks: ExpectedTask[];
  taskMap: Map<number, ExpectedTask>;
  /** Co-reported indicators: named for this unit, but the district figure is another unit's to report. */
  shared: IndicatorMeta[];
}

/**
 * Stored state of the lagged yearly figures of a plan, by reporting unit (the primary reporter), for the
 * pending-final items of the forms. One query for every unit.
 */
export async function loadLaggedStates(
  client: Client,
  structure: PlanStructure,
  unitId?: number,
): Promise<Map<number, LaggedFigureState[]>> {
  const lagged = structure.indicators.filter(
    (i) => i.lagged && i.primaryReporterId !== null && (unitId === undefined || i.primaryReporterId === unitId),
  );
  const out = new Map<number, LaggedFigureState[]>();
  if (lagged.length === 0) return out;
  const rows = await client.indicatorValue.findMany({
    where: { indicatorId: { in: lagged.map((i) => i.id) }, unitId: structure.region.id },
    select: { indicatorId: true, month: true, stage: true, submission: { select: { month: true } } },
  });
  const byId = new Map(lagged.map((i) => [i.id, i]));
  const states = new Map<string, LaggedFigureState & { reporterId: number }>();
  for (const r of rows) {
    const ind = byId.get(r.indicatorId)!;
    const key = `${ind.code}|${r.month}`;
    const state = states.get(key) ?? {
      code: ind.code,
      period: r.month,
      hasProvisional: false,
      hasFinal: false,
      finalReportMonth: null,
      reporterId: ind.primaryReporterId!,
    };
    if (r.stage === 'provisional') state.hasProvisional = true;
    else {
      state.hasFinal = true;
      state.finalReportMonth = r.submission?.month ?? null;
    }
    states.set(key, state);
  }
  for (const { reporterId, ...state } of states.values()) out.set(reporterId, [...(out.get(reporterId) ?? []), state]);
  return out;
}

/** The form of a unit for a month, from the plan and the lagged figures' state (no I/O). */
export function buildFormDefinition(
  structure: PlanStructure,
  unitId: number,
  month: Month,
  lagged: LaggedFigureState[],
): FormDefinition {
  const unit = structure.units.get(unitId);
  if (!unit || unit.kind === 'region') throw new NotFoundError('单位不存在', 'No such unit');
  if (!isPlanMonth(structure, month))
    throw new NotFoundError('该月份不在规划期内', 'The month is outside the plan period');
  const byCode = new Map(structure.indicators.map((i) => [i.code, i]));
  const items: FormItem[] = expectedItems({
    unitId,
    regionUnitId: structure.region.id,
    month,
    indicators: structure.indicators,
    lagged,
  }).map((item) => {
    const ind = byCode.get(item.code)!;
    return { ...item, rules: { unit: ind.unit, decimals: ind.decimals }, kind: ind.kind, registryCounted: ind.registryCounted };
  });
  const tasks = expectedTasks(unitId, structure.tasks);
  return {
    structure,
    unit,
    month,
    items,
    itemMap: new Map(items.map((i) => [i.key, i])),
    tasks,
    taskMap: new Map(tasks.map((t) => [t.taskId, t])),
    shared: structure.indicators.filter(
      (i) => i.primaryReporterId !== unitId && i.reporters.some((r) => r.id === unitId),
    ),
  };
}

export async function loadFormDefinition(
  client: Client,
  structure: PlanStructure,
  unitId: number,
  month: Month,
): Promise<FormDefinition> {
  const lagged = await loadLaggedStates(client, structure, unitId);
  return buildFormDefinition(structure, unitId, month, lagged.get(unitId) ?? []);
}

/** A stored figure with what the form and the review need beside the planner's view. */
export interface StoredValueRow extends StoredItem {
  stage: ValueStage;
  submissionId: number | null;
  submittedById: number | null;
  returnReason: string | null;
  source: string;
  isDemo: boolean;
  approvedAt: Date | null;
}

const valueSelect = {
  id: true,
  indicatorId: true,
  unitId: true,
  month: true,
  stage: true,
  value: true,
  status: true,
  version: true,
  comment: true,
  warnings: true,
  returnReason: true,
  submissionId: true,
  submittedById: true,
  source: true,
  isDemo: true,
  updatedAt: true,
  approvedAt: true,
  updatedBy: { select: { displayName: true } },
} satisfies Prisma.IndicatorValueSelect;

type ValueRow = Prisma.IndicatorValueGetPayload<{ select: typeof valueSelect }>;

function toStored(row: ValueRow): StoredValueRow {
  return {
    id: row.id,
    value: canonicalFigure(row.value.toFixed()),
    status: row.status,
    version: row.version,
    comment: row.comment,
    warnings: row.warnings,
    updatedByName: row.updatedBy?.displayName ?? null,
    updatedAt: row.updatedAt,
    stage: row.stage,
    submissionId: row.submissionId,
    submittedById: row.submittedById,
    returnReason: row.returnReason,
    source: row.source,
    isDemo: row.isDemo,
    approvedAt: row.approvedAt,
  };
}

/** The stored figures of a form's items, by item key. */
export async function loadStoredValues(
  client: Client,
  def: Pick<FormDefinition, 'items' | 'structure'>,
): Promise<Map<string, StoredValueRow>> {
  if (def.items.length === 0) return new Map();
  const codeOf = new Map(def.structure.indicators.map((i) => [i.id, i.code]));
  const rows = await client.indicatorValue.findMany({
    where: {
      indicatorId: { in: [...new Set(def.items.map((i) => i.indicatorId))] },
      unitId: { in: [...new Set(def.items.map((i) => i.subjectUnitId))] },
      month: { in: [...new Set(def.items.map((i) => i.period))] },
    },
    select: valueSelect,
  });
  const wanted = new Set(def.items.map((i) => i.key));
  const out = new Map<string, StoredValueRow>();
  for (const row of rows) {
    const key = itemKey({
      code: codeOf.get(row.indicatorId)!,
      subjectUnitId: row.unitId,
      period: row.month,
      stage: row.stage,
    });
    if (wanted.has(key)) out.set(key, toStored(row));
  }
  return out;
}

/**
 * The previous period's figure of each item (by its frequency), for comparison and the soft checks: final over
 * provisional, whatever its review status (the reporter compares with what was last reported).
 */
export async function loadPreviousValues(
  client: Client,
  def: Pick<FormDefinition, 'items' | 'structure'>,
): Promise<Map<string, { period: Month; value: number; status: ValueStatus }>> {
  if (def.items.length === 0) return new Map();
  const meta = new Map(def.structure.indicators.map((i) => [i.id, i]));
  const prevOf = (item: FormItem) => previousPeriod(meta.get(item.indicatorId)!.frequency as Frequency, item.period);
  const rows = await client.indicatorValue.findMany({
    where: {
      indicatorId: { in: [...new Set(def.items.map((i) => i.indicatorId))] },
      unitId: { in: [...new Set(def.items.map((i) => i.subjectUnitId))] },
      month: { in: [...new Set(def.items.map(prevOf))] },
    },
    select: { indicatorId: true, unitId: true, month: true, stage: true, value: true, status: true },
  });
  const found = new Map<string, { stage: ValueStage; value: number; status: ValueStatus }>();
  for (const r of rows) {
    const id = `${r.indicatorId}|${r.unitId}|${r.month}`;
    const current = found.get(id);
    if (!current || (current.stage === 'provisional' && r.stage === 'final'))
      found.set(id, { stage: r.stage, value: Number(r.value), status: r.status });
  }
  const out = new Map<string, { period: Month; value: number; status: ValueStatus }>();
  for (const item of def.items) {
    const period = prevOf(item);
    const hit = found.get(`${item.indicatorId}|${item.subjectUnitId}|${period}`);
    if (hit) out.set(item.key, { period, value: hit.value, status: hit.status });
  }
  return out;
}

export interface StoredTaskRow extends StoredTask {
  returnReason: string | null;
  submittedById: number | null;
}

export async function loadStoredTasks(
  client: Client,
  unitId: number,
  month: Month,
): Promise<Map<number, StoredTaskRow>> {
  const rows = await client.taskReport.findMany({ where: { unitId, month } });
  const names = await userNames(
    client,
    rows.map((r) => r.updatedById),
  );
  return new Map(
    rows.map((r) => [
      r.taskId,
      {
        id: r.id,
        role: r.role,
        progress: r.progress,
        narrative: r.narrative,
        note: r.note,
        status: r.status,
        version: r.version,
        updatedByName: r.updatedById ? (names.get(r.updatedById) ?? null) : null,
        updatedAt: r.updatedAt,
        returnReason: r.returnReason,
        submittedById: r.submittedById,
      },
    ]),
  );
}

export async function userNames(client: Client, ids: (number | null | undefined)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  if (wanted.length === 0) return new Map();
  const users = await client.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}
