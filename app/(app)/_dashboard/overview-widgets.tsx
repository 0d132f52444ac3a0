// Page layer: the overview's widgets. Each streams in behind its own skeleton. They share one view of the overview,
// computed once per language, month and data version (formatting and translating some 300 strings costs more than
// rendering them), so a request that finds it ready only renders.
import { cache } from 'react';
import { getTranslations } from 'next-intl/server';
import type { ClusterRowView } from '@/components/dashboard/cluster-board';
import type { IndicatorCardView } from '@/components/dashboard/indicator-card';
import { PackedBehindList, PackedClusterBoard, PackedTargetGroups, PackedTargetLines } from '@/components/dashboard/packed-lists';
import { StatusSummary, type StatusCountView } from '@/components/dashboard/status-summary';
import { StatusTable, type StatusRowView, type StatusTableText } from '@/components/dashboard/status-table';
import { pack } from '@/lib/dashboard/pack';
import type { ProgressStatus } from '@/lib/progress';
import type { Locale } from '@/lib/format';
import type { Month } from '@/lib/periods';
import { getDataVersion } from '@/lib/queries/dashboard';
import { localTitle, type IndicatorDto, type TaskDto } from '@/lib/queries/plan';
import { createVersionMemo } from '@/lib/version-memo';
import { loadDashboard, planSnapshot, taskProgress } from './load';
import { behindView, type BehindView } from './behind-views';
import { cardView, clusterRowView, clusterTasks, formulaInputs, STATUS_ORDER, statusCounts, statusRowView, withMonth } from './views';

interface WidgetProps {
  asOf: Month;
  latest: Month;
  locale: Locale;
  /** `?status=behind`: the status counts filter the page. */
  filter?: ProgressStatus | null;
}

export function parseStatusFilter(params: Record<string, string | string[] | undefined>): ProgressStatus | null {
  const value = Array.isArray(params.status) ? params.status[0] : params.status;
  return (STATUS_ORDER as string[]).includes(value ?? '') ? (value as ProgressStatus) : null;
}

interface OverviewView {
  summary: { title: string; counts: StatusCountView[]; all: string; hint: string; filtered: Partial<Record<ProgressStatus, string>> };
  behind: BehindView;
  headline: IndicatorCardView[];
  clusters: ClusterRowView[];
  taskGroups: { key: string; title: string; cards: IndicatorCardView[] }[];
  inputs: { rows: StatusRowView[]; text: StatusTableText } | null;
  noData: string;
}

const overviewMemo = createVersionMemo<OverviewView>(48);

async function buildOverview({ asOf, latest, locale }: WidgetProps): Promise<OverviewView> {
  const [t, data, { tasks: allTasks }, reports] = await Promise.all([getTranslations('dashboard'), loadDashboard(asOf), planSnapshot(), taskProgress(asOf)]);
  const tasks = allTasks.filter((task) => !task.isOrganisation);
  const inputCodes = formulaInputs(data.indicators);
  const headline = data.indicators.filter((i) => i.category !== 'task' && !inputCodes.has(i.code));
  const clusters = clusterTasks(tasks, data.byCode);
  const shown = new Set([...headline, ...clusters.flatMap((c) => [c.enterprises, c.output])].map((i) => i.code));
  const taskGroups: { task: TaskDto; indicators: IndicatorDto[] }[] = [];
  for (const task of tasks) {
    const indicators = task.indicatorCodes.map((c) => data.byCode.get(c)).filter((i): i is IndicatorDto => !!i && !shown.has(i.code) && !inputCodes.has(i.code));
    indicators.forEach((i) => shown.add(i.code));
    if (indicators.length) taskGroups.push({ task, indicators });
  }
  const inputs = data.indicators.filter((i) => inputCodes.has(i.code));
  const targets = [...shown];
  const counts = statusCounts(targets.map((code) => data.progress.get(code)!.status), t).map((c) => ({ ...c, href: withMonth('/', asOf, latest, { status: c.status }) }));
  return {
    summary: {
      title: t('summaryTitle', { total: targets.length }),
      counts,
      all: t('behind.all'),
      hint: t('behind.filterHint'),
      filtered: Object.fromEntries(counts.map((c) => [c.status, t('behind.filtered', { count: c.count, status: c.label })])),
    },
    behind: behindView(data, allTasks, reports, locale, t, latest),
    headline: headline.map((ind) => cardView(data, ind, locale, t, latest)),
    clusters: clusters.map((c) => clusterRowView(data, c, locale, t, latest)),
    taskGroups: taskGroups.map(({ task, indicators }) => ({
      key: task.key,
      title: `${t('taskTag', { no: task.no })} ${localTitle(locale, task)}`,
      cards: indicators.map((ind) => cardView(data, ind, locale, t, latest)),
    })),
    inputs: inputs.length
      ? {
          rows: inputs.map((ind) => statusRowView(data, ind, locale, t, latest)),
          text: {
            caption: t('inputs'),
            indicator: t('table.indicator'),
            latest: t('table.latest'),
            target: t('table.target'),
            share: t('table.share'),
            status: t('table.status'),
            none: t('noData'),
          },
        }
      : null,
    noData: t('noData'),
  };
}

const overviewView = cache(async (asOf: Month, latest: Month, locale: Locale): Promise<OverviewView> => {
  const version = await getDataVersion();
  return overviewMemo.get(`${locale}|${asOf}|${latest}`, version, () => buildOverview({ asOf, latest, locale }));
});

/** Whether the overview for this language and month is computed already (see `dashboardReady`). */
export async function overviewReady(asOf: Month, latest: Month, locale: Locale): Promise<boolean> {
  const version = await getDataVersion();
  return overviewMemo.peek(`${locale}|${asOf}|${latest}`, version) !== undefined;
}

export async function StatusSummaryWidget({ asOf, latest, locale, filter = null }: WidgetProps) {
  const { summary } = await overviewView(asOf, latest, locale);
  return (
    <StatusSummary
      title={summary.title}
      counts={summary.counts}
      active={filter}
      filtered={filter ? (summary.filtered[filter] ?? null) : null}
      all={{ label: summary.all, href: withMonth('/', asOf, latest) }}
      hint={summary.hint}
    />
  );
}

export async function BehindWidget({ asOf, latest, locale }: WidgetProps) {
  const { behind } = await overviewView(asOf, latest, locale);
  return (
    <PackedBehindList
      data={pack({
        ...behind,
        indicators: behind.indicators.map((b) => ({ ...b, href: b.href === `/indicators/${b.code}` ? '' : b.href })),
        tasks: behind.tasks.map((b) => ({ ...b, href: b.href === `/tasks/${b.key}` ? '' : b.href })),
      })}
    />
  );
}

// The long lists go to client components as packed data (see components/dashboard/packed-lists.tsx); a line shows no
// sparkline, so its points stay on the server.
// An address the client can rebuild from the code (no month in it) travels empty (`withDefaultHrefs`).
const line = (card: IndicatorCardView): IndicatorCardView => ({
  ...card,
  href: card.href === `/indicators/${card.code}` ? '' : card.href,
  sparkline: null,
  share: card.share && { text: card.share.text, ratio: Math.round(card.share.ratio * 1000) / 1000 },
});

const keep = (filter: ProgressStatus | null | undefined) => (status: ProgressStatus) => !filter || status === filter;

export async function HeadlineWidget({ asOf, latest, locale, filter }: WidgetProps) {
  const { headline } = await overviewView(asOf, latest, locale);
  return <PackedTargetLines data={pack(headline.filter((c) => keep(filter)(c.status)).map(line))} />;
}

export async function ClustersWidget({ asOf, latest, locale, filter }: WidgetProps) {
  const { clusters, noData } = await overviewView(asOf, latest, locale);
  return <PackedClusterBoard data={pack({ rows: clusters.filter((row) => row.cells.some((c) => keep(filter)(c.status))), noData })} />;
}

export async function TaskTargetsWidget({ asOf, latest, locale, filter }: WidgetProps) {
  const { taskGroups: all } = await overviewView(asOf, latest, locale);
  const taskGroups = all.map((g) => ({ ...g, cards: g.cards.filter((c) => keep(filter)(c.status)).map(line) })).filter((g) => g.cards.length);
  return <PackedTargetGroups data={pack(taskGroups)} />;
}

export async function InputsWidget({ asOf, latest, locale, filter }: WidgetProps) {
  const { inputs } = await overviewView(asOf, latest, locale);
  const rows = inputs?.rows.filter((r) => keep(filter)(r.status)) ?? [];
  return inputs && rows.length ? <StatusTable rows={rows} text={inputs.text} /> : null;
}
