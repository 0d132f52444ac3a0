// Page layer: the tasks page's widgets: the filter form and the task board with each task's indicator status and its
// latest progress report.
import { getTranslations } from 'next-intl/server';
import { TaskBoard, type TaskBoardItem, type TaskBoardSection, type TaskBoardText } from '@/components/dashboard/task-board';
import { TaskFilters } from '@/components/dashboard/task-filters';
import { formatMonth, sectionOrdinal, type Locale } from '@/lib/format';
import type { Month } from '@/lib/periods';
import { taskStatus, type ProgressStatus } from '@/lib/progress';
import { localName, localTitle, partyLabel, type GroupDto, type TaskDto, type UnitRefDto } from '@/lib/queries/plan';
import { loadDashboard, planSnapshot, taskProgress } from './load';
import { indicatorName, quantity, withMonth } from './views';

export const TASK_STATUS_FILTERS = ['met', 'on_track', 'behind', 'far_behind', 'none'] as const;
export type TaskStatusFilter = (typeof TASK_STATUS_FILTERS)[number];

export interface TaskFilterState {
  unit: number | null;
  status: TaskStatusFilter | null;
}

export function parseTaskFilters(params: Record<string, string | string[] | undefined>): TaskFilterState {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const unit = one(params.unit);
  const status = one(params.status);
  return {
    unit: unit && /^\d{1,9}$/.test(unit) ? Number(unit) : null,
    status: (TASK_STATUS_FILTERS as readonly string[]).includes(status ?? '') ? (status as TaskStatusFilter) : null,
  };
}


/** Units a task names, directly or through a group (各镇街…), lead and responsible alike. */
function unitsOf(task: TaskDto, groups: GroupDto[]): UnitRefDto[] {
  const out = new Map<number, UnitRefDto>();
  for (const p of [...task.lead, ...task.responsible]) {
    if (p.unit) out.set(p.unit.id, p.unit);
    if (p.groupId !== null) groups.find((g) => g.id === p.groupId)?.members.forEach((m) => out.set(m.id, m));
  }
  return [...out.values()];
}

interface WidgetProps {
  asOf: Month;
  latest: Month;
  locale: Locale;
  filters: TaskFilterState;
}

const KIND_ORDER = ['department', 'park', 'company', 'town', 'other'] as const;

export async function TaskFiltersWidget({ asOf, latest, locale, filters }: WidgetProps) {
  const [t, { tasks, groups }] = await Promise.all([getTranslations('dashboard'), planSnapshot()]);
  const units = new Map<number, UnitRefDto>();
  tasks.forEach((task) => unitsOf(task, groups).forEach((u) => units.set(u.id, u)));
  const options = KIND_ORDER.map((kind) => ({
    group: t(`taskBoard.unitKind.${kind}`),
    options: [...units.values()].filter((u) => u.kind === kind).map((u) => ({ value: String(u.id), label: localName(locale, u) })),
  })).filter((g) => g.options.length);
  const statusLabel = (s: TaskStatusFilter) => (s === 'none' ? t('taskBoard.noIndicator') : t(`status.${s}`));
  return (
    <TaskFilters
      unit={filters.unit ? String(filters.unit) : ''}
      status={filters.status ?? ''}
      month={asOf !== latest ? asOf : null}
      units={options}
      statuses={TASK_STATUS_FILTERS.map((s) => ({ value: s, label: statusLabel(s) }))}
      resetHref={withMonth('/tasks', asOf, latest)}
      text={{ unit: t('taskBoard.filterUnit'), status: t('taskBoard.filterStatus'), all: t('taskBoard.all'), apply: t('taskBoard.apply'), reset: t('taskBoard.reset') }}
    />
  );
}

const reportTone = { on_track: 'ok', behind: 'warn', done: 'done' } as const;

type BoardItem = TaskBoardItem & { task: TaskDto; filterStatus: TaskStatusFilter };

/** Board items for tasks: their status (worst of indicators and the lead units' own reports) and those reports. */
export async function taskBoardItems(tasks: TaskDto[], asOf: Month, latest: Month, locale: Locale): Promise<BoardItem[]> {
  const [t, tt, data] = await Promise.all([getTranslations('dashboard'), getTranslations('tasks'), loadDashboard(asOf)]);
  const reports = await taskProgress(asOf);
  return tasks.map((task) => {
    const indicators = task.indicatorCodes.map((c) => data.byCode.get(c)).filter((i) => i !== undefined);
    const statuses: ProgressStatus[] = indicators.map((i) => data.progress.get(i.code)!.status);
    const taskReports = reports.get(task.id) ?? [];
    const { status } = taskStatus(statuses, taskReports.map((r) => r.progress));
    const parties = (list: TaskDto['lead']) => list.map((p) => ({ label: partyLabel(locale, p), unitId: p.unit?.id ?? null }));
    return {
      task,
      filterStatus: status === null || status === 'no_data' ? 'none' : status,
      key: task.key,
      label: task.isOrganisation ? tt('orgNo', { no: sectionOrdinal(task.no, locale) }) : tt('taskNo', { no: task.no }),
      title: localTitle(locale, task),
      href: `/tasks/${task.key}`,
      lead: parties(task.lead),
      responsible: parties(task.responsible),
      status,
      statusLabel: status ? t(`status.${status}`) : t('taskBoard.noIndicator'),
      indicators: indicators.map((ind) => {
        const progress = data.progress.get(ind.code)!;
        return {
          code: ind.code,
          href: withMonth(`/indicators/${ind.code}`, asOf, latest),
          name: indicatorName(ind, locale),
          value: progress.latest ? quantity(ind, progress.latest.value, locale) : null,
          status: progress.status,
          statusLabel: t(`status.${progress.status}`),
        };
      }),
      reports: taskReports.map((r) => ({
        unit: locale === 'en' && r.unitNameEn ? r.unitNameEn : r.unitName,
        month: formatMonth(r.month, locale),
        progress: r.progress ? t(`taskBoard.progressLabel.${r.progress}`) : null,
        tone: r.progress ? reportTone[r.progress] : 'neutral',
        narrative: r.narrative,
      })),
    };
  });
}

export async function taskBoardText(): Promise<TaskBoardText> {
  const [t, tt] = await Promise.all([getTranslations('dashboard'), getTranslations('tasks')]);
  return {
    lead: tt('lead'),
    responsible: tt('responsible'),
    indicators: t('taskBoard.indicators'),
    progress: t('taskBoard.progress'),
    noReport: t('taskBoard.noReport'),
    empty: t('taskBoard.empty'),
  };
}

export async function TaskBoardWidget({ asOf, latest, locale, filters }: WidgetProps) {
  const [t, tt, { tasks, groups }] = await Promise.all([getTranslations('dashboard'), getTranslations('tasks'), planSnapshot()]);
  const items = await taskBoardItems(tasks, asOf, latest, locale);

  const shown = items.filter(
    (item) => (filters.unit === null || unitsOf(item.task, groups).some((u) => u.id === filters.unit)) && (filters.status === null || item.filterStatus === filters.status),
  );
  const sections = new Map<string, TaskBoardSection>();
  for (const item of shown) {
    const { section, isOrganisation } = item.task;
    const id = `${section.kind}-${section.no}`;
    const title = isOrganisation ? localTitle(locale, section) : tt('section', { no: sectionOrdinal(section.no, locale), title: localTitle(locale, section) });
    const entry = sections.get(id) ?? { id, title, tasks: [] };
    entry.tasks.push(item);
    sections.set(id, entry);
  }
  return (
    <>
      <p className="mb-3 text-sm text-slate-600" aria-live="polite">
        {t('taskBoard.count', { shown: shown.length, total: items.length })}
        <span className="ml-2 text-xs text-slate-500">{t('taskBoard.statusNote')}</span>
      </p>
      <TaskBoard sections={[...sections.values()]} text={await taskBoardText()} />
    </>
  );
}
