// Page layer: the task page as the task's file: its status and why, its indicators' cards, what comes next, and each
// unit's monthly progress over time. Reads through load.ts (kept per data version) and one history query.
import { getTranslations } from 'next-intl/server';
import type { IndicatorCardView } from '@/components/dashboard/indicator-card';
import type { TaskHistoryView } from '@/components/dashboard/task-history';
import { clauseSeparator, formatMonth, type Locale } from '@/lib/format';
import { addMonths, type Month } from '@/lib/periods';
import { taskStatus, type ProgressStatus } from '@/lib/progress';
import { listTaskHistory } from '@/lib/queries/dashboard';
import type { TaskDto } from '@/lib/queries/plan';
import { dashboardViewer, loadDashboard, taskProgress } from './load';
import { cardView, indicatorName, targetText } from './views';

export interface TaskFileView {
  status: ProgressStatus | null;
  statusLabel: string;
  why: string;
  cards: IndicatorCardView[];
  next: string[];
  history: TaskHistoryView;
}

const tone = { on_track: 'ok', behind: 'warn', done: 'done' } as const;

export async function taskFile(task: TaskDto, asOf: Month, latest: Month, locale: Locale): Promise<TaskFileView> {
  const [t, tt, data, reports, history] = await Promise.all([
    getTranslations('dashboard'),
    getTranslations('tasks'),
    loadDashboard(asOf),
    taskProgress(asOf),
    dashboardViewer().then((actor) => listTaskHistory(actor, task.id, asOf)),
  ]);
  const indicators = task.indicatorCodes.flatMap((c) => (data.byCode.has(c) ? [data.byCode.get(c)!] : []));
  const latestReports = reports.get(task.id) ?? [];
  const { status, basis } = taskStatus(
    indicators.map((i) => data.progress.get(i.code)!.status),
    latestReports.map((r) => r.progress),
  );
  const fromIndicators = indicators
    .filter((i) => data.progress.get(i.code)!.status !== 'no_data')
    .map((i) => tt('file.whyIndicator', { name: indicatorName(i, locale), status: t(`status.${data.progress.get(i.code)!.status}`) }));
  const fromReports = latestReports
    .filter((r) => r.progress)
    .map((r) => tt('file.whyReport', { unit: locale === 'en' && r.unitNameEn ? r.unitNameEn : r.unitName, progress: t(`taskBoard.progressLabel.${r.progress!}`), month: formatMonth(r.month, locale) }));
  const detail = (basis === 'indicators' ? fromIndicators : basis === 'reports' ? fromReports : [...fromIndicators, ...fromReports]).join(clauseSeparator(locale));
  const why = basis ? tt(`file.why.${basis}`, { detail }) : tt('file.why.none');

  // Columns: lead units first, then responsible units, each in the order they first appear.
  const units = new Map<number, { id: number; name: string; role: string; lead: boolean }>();
  for (const h of [...history].sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1))) {
    if (!units.has(h.unitId)) units.set(h.unitId, { id: h.unitId, name: locale === 'en' && h.unitNameEn ? h.unitNameEn : h.unitName, role: tt(h.role === 'lead' ? 'file.roleLead' : 'file.roleResponsible'), lead: h.role === 'lead' });
  }
  const columns = [...units.values()];
  const months = [...new Set(history.map((h) => h.month))];
  const rows = months.map((month) => ({
    month: formatMonth(month, locale),
    cells: columns.map((u) => {
      const h = history.find((x) => x.month === month && x.unitId === u.id);
      return h ? { progress: h.progress ? t(`taskBoard.progressLabel.${h.progress}`) : null, tone: h.progress ? tone[h.progress] : ('neutral' as const), text: h.text } : null;
    }),
  }));

  const next = [
    ...indicators.flatMap((i) => {
      const target = targetText(i, data.progress.get(i.code)!, locale, t);
      return target ? [tt('file.nextMilestone', { name: indicatorName(i, locale), target })] : [];
    }),
    tt('file.nextReport', { month: formatMonth(addMonths(latest, 1), locale) }),
  ];

  return {
    status,
    statusLabel: status ? t(`status.${status}`) : t('taskBoard.noIndicator'),
    why,
    cards: indicators.map((i) => cardView(data, i, locale, t, latest)),
    next,
    history: { units: columns.map(({ id, name, role }) => ({ id, name, role })), rows },
  };
}
