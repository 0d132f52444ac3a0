// Page layer: the overview's behind list in words: which indicators and tasks are behind, by how much, whose job.
// The order and the gaps come from lib/dashboard/behind (pure); this file only names and formats them.
import type { BehindIndicatorView, BehindListText, BehindTaskView, LinkView } from '@/components/dashboard/behind-list';
import { behindIndicators, behindTasks } from '@/lib/dashboard/behind';
import { clauseSeparator, formatMonth, formatPercent, listSeparator, type Locale } from '@/lib/format';
import type { Month } from '@/lib/periods';
import { taskStatus } from '@/lib/progress';
import type { TaskProgressDto } from '@/lib/queries/dashboard';
import { localName, localTitle, type IndicatorDto, type TaskDto, type UnitRefDto } from '@/lib/queries/plan';
import type { DashboardData } from './load';
import { indicatorName, quantity, withMonth, type Translator } from './views';

export interface BehindView {
  indicators: BehindIndicatorView[];
  tasks: BehindTaskView[];
  text: BehindListText;
}

const unitLink = (u: UnitRefDto, asOf: Month, latest: Month, locale: Locale): LinkView => ({ label: localName(locale, u), href: withMonth(`/units/${u.id}`, asOf, latest) });

/** The lead units of a task that are units (not groups such as 各镇街). */
function leadUnits(task: TaskDto): UnitRefDto[] {
  return task.lead.flatMap((p) => (p.unit ? [p.unit] : []));
}

/** Whose job an indicator is: the lead units of the tasks it measures, or else the units that report it. */
function ownersOf(ind: IndicatorDto, tasks: TaskDto[]): UnitRefDto[] {
  const out = new Map<number, UnitRefDto>();
  tasks.filter((t) => t.indicatorCodes.includes(ind.code)).forEach((t) => leadUnits(t).forEach((u) => out.set(u.id, u)));
  if (out.size === 0) ind.reporters.forEach((u) => out.set(u.id, u));
  return [...out.values()];
}

/** The behind lists from the dashboard data: organisational items are not tasks of their own here. */
function computeBehind(data: DashboardData, tasks: TaskDto[], reports: Map<number, TaskProgressDto[]>) {
  const plain = tasks.filter((task) => !task.isOrganisation);
  const indicators = behindIndicators(
    data.indicators.map((ind) => ({ code: ind.code, indicator: ind, progress: data.progress.get(ind.code)!, observations: data.observations.get(ind.code) ?? [] })),
  );
  const taskRows = behindTasks(
    plain.map((task) => {
      const reported = (reports.get(task.id) ?? []).map((r) => r.progress);
      const statuses = task.indicatorCodes.flatMap((c) => (data.progress.has(c) ? [data.progress.get(c)!.status] : []));
      return { key: task.key, no: task.no, status: taskStatus(statuses, reported).status, indicatorCodes: task.indicatorCodes, reported };
    }),
    indicators,
  );
  return { plain, indicators, taskRows };
}

export function behindView(data: DashboardData, tasks: TaskDto[], reports: Map<number, TaskProgressDto[]>, locale: Locale, t: Translator, latest: Month): BehindView {
  const { asOf } = data;
  const { plain, indicators, taskRows } = computeBehind(data, tasks, reports);
  const taskByKey = new Map(plain.map((task) => [task.key, task]));
  const taskLink = (task: TaskDto): LinkView => ({ label: t('taskTag', { no: task.no }), href: withMonth(`/tasks/${task.key}`, asOf, latest) });

  return {
    indicators: indicators.map((b) => {
      const ind = data.byCode.get(b.code)!;
      const q = (v: number) => quantity(ind, v, locale);
      const gap =
        ind.kind === 'rank'
          ? t('behind.gapRank', { gap: String(Math.abs(b.gap)) })
          : t('behind.gap', { gap: q(Math.abs(b.gap)), percent: formatPercent(b.shortfall, 1, locale) });
      const against =
        b.basis === 'milestone'
          ? t('behind.milestone', { year: Number(b.month.slice(0, 4)), actual: q(b.actual), planned: q(b.planned) })
          : t('behind.against', { actual: q(b.actual), planned: q(b.planned), month: formatMonth(b.month, locale) });
      return {
        code: b.code,
        name: indicatorName(ind, locale),
        href: withMonth(`/indicators/${ind.code}`, asOf, latest),
        status: b.status,
        statusLabel: t(`status.${b.status}`),
        against,
        gap,
        since: t('behind.since', { month: formatMonth(b.since, locale), months: b.months }),
        leads: ownersOf(ind, plain).map((u) => unitLink(u, asOf, latest, locale)),
        tasks: plain.filter((task) => task.indicatorCodes.includes(ind.code)).map(taskLink),
      };
    }),
    tasks: taskRows.map((row) => {
      const task = taskByKey.get(row.key)!;
      const why = [
        row.indicators.length ? t('behind.whyIndicators', { names: row.indicators.map((c) => indicatorName(data.byCode.get(c)!, locale)).join(listSeparator(locale)) }) : null,
        row.reportedBehind ? t('behind.whyReported', { count: row.reportedBehind }) : null,
      ].filter(Boolean);
      return {
        key: row.key,
        label: t('taskTag', { no: task.no }),
        title: localTitle(locale, task),
        href: withMonth(`/tasks/${task.key}`, asOf, latest),
        status: row.status,
        statusLabel: t(`status.${row.status}`),
        why: why.join(clauseSeparator(locale)),
        leads: leadUnits(task).map((u) => unitLink(u, asOf, latest, locale)),
      };
    }),
    text: {
      title: t('behind.title'),
      note: t('behind.note'),
      indicators: t('behind.indicators', { count: indicators.length }),
      tasks: t('behind.tasks', { count: taskRows.length }),
      none: t('behind.none'),
      noneTasks: t('behind.noneTasks'),
      lead: t('behind.lead'),
      inTasks: t('behind.inTasks'),
      sep: listSeparator(locale),
    },
  };
}

/**
 * What one unit is behind on: the behind list narrowed to the indicators it owns (lead unit of their tasks, or their
 * reporter when no task names a lead) and the tasks it leads. Same order, same words as the overview's list.
 */
export function unitBehindView(data: DashboardData, tasks: TaskDto[], reports: Map<number, TaskProgressDto[]>, unitId: number, locale: Locale, t: Translator, latest: Month): BehindView {
  const all = behindView(data, tasks, reports, locale, t, latest);
  const plain = tasks.filter((task) => !task.isOrganisation);
  const owns = (code: string) => ownersOf(data.byCode.get(code)!, plain).some((u) => u.id === unitId);
  const leads = new Set(plain.filter((task) => leadUnits(task).some((u) => u.id === unitId)).map((task) => task.key));
  const indicators = all.indicators.filter((b) => owns(b.code));
  const behindTasks = all.tasks.filter((row) => leads.has(row.key));
  return {
    indicators,
    tasks: behindTasks,
    text: {
      ...all.text,
      title: t('unit.behindTitle'),
      note: t('unit.behindNote'),
      indicators: t('behind.indicators', { count: indicators.length }),
      tasks: t('behind.tasks', { count: behindTasks.length }),
    },
  };
}

/** Per unit: how many indicators it owns and tasks it leads are behind (the units list ranks units by these). */
export function behindByUnit(data: DashboardData, tasks: TaskDto[], reports: Map<number, TaskProgressDto[]>): Map<number, { indicators: number; tasks: number }> {
  const { plain, indicators, taskRows } = computeBehind(data, tasks, reports);
  const out = new Map<number, { indicators: number; tasks: number }>();
  const entry = (id: number) => out.get(id) ?? out.set(id, { indicators: 0, tasks: 0 }).get(id)!;
  for (const b of indicators) ownersOf(data.byCode.get(b.code)!, plain).forEach((u) => entry(u.id).indicators++);
  const behindKeys = new Set(taskRows.map((r) => r.key));
  for (const task of plain) if (behindKeys.has(task.key)) leadUnits(task).forEach((u) => entry(u.id).tasks++);
  return out;
}
