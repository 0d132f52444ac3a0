// Pure: what a unit must report in a month. Figures: the indicators it is the first-named reporter of, asked for by
// frequency, with one figure per member where the indicator is broken down (per 镇街, per 园区). Tasks: the key
// tasks it leads (progress + narrative required) or shares (an optional note).
import type { Frequency, IndicatorKind, TaskPartyRole, ValueStage } from '@/lib/generated/prisma/enums';
import { addMonths, isReportingMonth, type Month } from '@/lib/periods';
import { itemKey } from '@/lib/reporting/keys';

export interface ReportableIndicator {
  id: number;
  code: string;
  kind: IndicatorKind;
  frequency: Frequency;
  lagged: boolean;
  /**
   * The unit that reports the district figure and its breakdown: the first reporting unit the plan names. Units
   * named after it (区统计局、区科技局) co-own the target and see the figure, but one number has one reporter.
   */
  primaryReporterId: number | null;
  breakdowns: { groupId: number; groupName: string; memberIds: number[] }[];
}

/** What is stored of a lagged yearly figure: whether it has a provisional and a final, and where the final was entered. */
export interface LaggedFigureState {
  code: string;
  period: Month;
  hasProvisional: boolean;
  hasFinal: boolean;
  /** The reporting month whose form the final was entered through (null for demo or imported history). */
  finalReportMonth: Month | null;
}

export interface ExpectedItem {
  key: string;
  indicatorId: number;
  code: string;
  subjectUnitId: number;
  /** The month the figure is about: the reporting month, or an earlier December for a late final annual figure. */
  period: Month;
  stage: ValueStage;
  required: boolean;
  /** Set for a breakdown member's figure. */
  groupId: number | null;
}

export interface ExpectedItemsInput {
  unitId: number;
  regionUnitId: number;
  month: Month;
  indicators: ReportableIndicator[];
  lagged: LaggedFigureState[];
}

export function expectedItems(input: ExpectedItemsInput): ExpectedItem[] {
  const { unitId, regionUnitId, month } = input;
  const out: ExpectedItem[] = [];
  const lagged = new Map(input.lagged.map((l) => [`${l.code}|${l.period}`, l]));
  const push = (ind: ReportableIndicator, subjectUnitId: number, period: Month, stage: ValueStage, required: boolean, groupId: number | null = null) =>
    out.push({ key: itemKey({ code: ind.code, subjectUnitId, period, stage }), indicatorId: ind.id, code: ind.code, subjectUnitId, period, stage, required, groupId });

  for (const ind of input.indicators) {
    // Computed indicators (万人有效发明专利拥有量) are derived from their inputs, never typed.
    if (ind.primaryReporterId !== unitId || ind.kind === 'computed') continue;
    if (isReportingMonth(ind.frequency, month)) {
      if (ind.lagged) {
        // Statistics published late: a provisional figure is due now, the final one whenever it is published.
        const state = lagged.get(`${ind.code}|${month}`);
        push(ind, regionUnitId, month, 'provisional', !state?.hasFinal);
        push(ind, regionUnitId, month, 'final', false);
      } else {
        push(ind, regionUnitId, month, 'final', true);
      }
      for (const group of ind.breakdowns) {
        for (const memberId of group.memberIds) push(ind, memberId, month, 'final', true, group.groupId);
      }
    }
    if (ind.lagged) {
      // An earlier year's final figure, offered on every later form until it is entered (then only on that form).
      for (const state of input.lagged) {
        if (state.code !== ind.code || state.period >= month || !state.hasProvisional) continue;
        if (!state.hasFinal || state.finalReportMonth === month) push(ind, regionUnitId, state.period, 'final', false);
      }
    }
  }
  return out;
}

export interface ReportableTask {
  id: number;
  isOrganisation: boolean;
  /** Lead and responsible units, with groups (各镇街…) already resolved to their members. */
  leadUnitIds: number[];
  responsibleUnitIds: number[];
}

export interface ExpectedTask {
  taskId: number;
  role: TaskPartyRole;
  /** Lead units must give a status and a narrative every month; responsible units may add a note. */
  required: boolean;
}

/** Key tasks only: the organisational items (组织实施) describe mechanisms, not monthly work. */
export function expectedTasks(unitId: number, tasks: ReportableTask[]): ExpectedTask[] {
  const out: ExpectedTask[] = [];
  for (const task of tasks) {
    if (task.isOrganisation) continue;
    if (task.leadUnitIds.includes(unitId)) out.push({ taskId: task.id, role: 'lead', required: true });
    else if (task.responsibleUnitIds.includes(unitId)) out.push({ taskId: task.id, role: 'responsible', required: false });
  }
  return out;
}

/** A month is expected of a unit when something on its form is required. */
export function isExpected(items: Pick<ExpectedItem, 'required'>[], tasks: Pick<ExpectedTask, 'required'>[]): boolean {
  return items.some((i) => i.required) || tasks.some((t) => t.required);
}

/** The period a figure is compared with: the previous one its frequency asks for. */
export function previousPeriod(frequency: Frequency, period: Month): Month {
  return addMonths(period, frequency === 'monthly' ? -1 : frequency === 'quarterly' ? -3 : -12);
}
