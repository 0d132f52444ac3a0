// Page layer: turns indicators and their progress into the strings and view objects the dashboard components draw.
// Formatting goes through lib/format; words come from the `dashboard` messages.
import type { getTranslations } from 'next-intl/server';
import type { ClusterRowView } from '@/components/dashboard/cluster-board';
import type { IndicatorCardView } from '@/components/dashboard/indicator-card';
import type { StatusCountView } from '@/components/dashboard/status-summary';
import type { StatusRowView } from '@/components/dashboard/status-table';
import { describeMilestone, formatMonth, formatPercent, formatQuantity, formatSignedQuantity, listSeparator, type Locale } from '@/lib/format';
import { monthsBetween, type Month } from '@/lib/periods';
import { sparklineSeries, type IndicatorProgress, type ProgressStatus } from '@/lib/progress';
import { localName, partyLabel, type IndicatorDto, type TaskDto } from '@/lib/queries/plan';
import type { DashboardData } from './load';

export type Translator = Awaited<ReturnType<typeof getTranslations>>;

export const STATUS_ORDER: ProgressStatus[] = ['met', 'on_track', 'behind', 'far_behind', 'no_data'];

export function indicatorName(ind: IndicatorDto, locale: Locale): string {
  return locale === 'en' ? ind.nameEn : ind.name;
}

/** A link that keeps the dashboard's month, unless it is the latest (short URLs for the usual case). */
export function withMonth(path: string, asOf: Month, latest: Month, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (asOf !== latest) params.set('month', asOf);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export function quantity(ind: IndicatorDto, value: number, locale: Locale): string {
  return formatQuantity(value, ind.unit, ind.decimals, locale);
}

/** A change with its unit; changes of percentages are in percentage points. */
export function signedChange(ind: IndicatorDto, value: number, locale: Locale, t: Translator): string {
  if (ind.unit === '%') return t('percentagePoints', { delta: formatSignedQuantity(value, '', ind.decimals, locale) });
  return formatSignedQuantity(value, ind.unit, ind.decimals, locale);
}

export function milestoneText(ind: IndicatorDto, m: { comparator: 'gt' | 'gte' | 'lte'; value: number }, locale: Locale): string {
  return describeMilestone(m.comparator, m.value, ind.unit, ind.decimals, locale);
}

export function targetText(ind: IndicatorDto, progress: IndicatorProgress, locale: Locale, t: Translator): string | null {
  const m = progress.nextMilestone;
  return m ? t('target', { year: m.year, text: milestoneText(ind, m, locale) }) : null;
}

/** Every milestone in words, the past ones with their outcome: "2025年目标：超过470家 · 已达成". */
export function milestoneTexts(ind: IndicatorDto, progress: IndicatorProgress, locale: Locale, t: Translator): string[] {
  return progress.milestones.map((m) => {
    const text = t('target', { year: m.year, text: milestoneText(ind, m, locale) });
    const past = m.outcome === 'met' || m.outcome === 'missed' || m.outcome === 'awaiting' ? m.month <= progress.asOf : false;
    return past ? `${text} · ${t(`pastMilestone.${m.outcome}`)}` : text;
  });
}

export function shareOf(progress: IndicatorProgress, locale: Locale, t: Translator): { text: string; ratio: number } | null {
  const share = progress.share;
  if (!share) return null;
  const percent = formatPercent(share.ratio, 0, locale);
  return { ratio: share.ratio, text: t(share.basis === 'milestone' ? 'shareMilestone' : 'shareAnnualPlan', { year: share.year, percent }) };
}

export function changeTexts(ind: IndicatorDto, progress: IndicatorProgress, locale: Locale, t: Translator): string[] {
  const out: string[] = [];
  const { change, latest, yearOnYear } = progress;
  if (change && latest) {
    const delta = signedChange(ind, change.value, locale, t);
    if (change.kind === 'flow') out.push(t('change.flow', { delta }));
    else {
      const gap = monthsBetween(change.since, latest.month);
      const key = gap === 1 ? 'month' : gap === 3 ? 'quarter' : gap === 12 ? 'year' : 'since';
      out.push(t(`change.${key}`, { delta, month: formatMonth(change.since, locale) }));
    }
  }
  if (yearOnYear && change?.since !== yearOnYear.month) {
    if (ind.kind === 'ytd_cumulative' && yearOnYear.growth !== null) out.push(t('change.yoyGrowth', { growth: formatPercent(yearOnYear.growth, 1, locale, true) }));
    else out.push(t('change.yoy', { delta: signedChange(ind, yearOnYear.delta, locale, t) }));
  }
  return out;
}

/** The newest figure still awaiting review, when it is newer than the latest approved one. */
export function pendingNote(data: DashboardData, ind: IndicatorDto, locale: Locale, t: Translator): string | null {
  const pending = data.figures.get(ind.code)?.pending ?? [];
  const newest = pending[pending.length - 1];
  const latest = data.progress.get(ind.code)?.latest;
  if (!newest || (latest && newest.month <= latest.month)) return null;
  return t('pendingNewer', { month: formatMonth(newest.month, locale) });
}

export function flagsOf(data: DashboardData, ind: IndicatorDto, progress: IndicatorProgress, t: Translator): string[] {
  const latest = progress.latest;
  if (!latest) return [];
  const figure = data.figures.get(ind.code)?.approved.find((f) => f.month === latest.month);
  return figure?.stage === 'provisional' ? [t('provisional')] : [];
}

/** The latest figure against the value planned for its month: "较计划 +39家（+7.7%）"; null for ranks and without a plan. */
export function gapToPlan(ind: IndicatorDto, progress: IndicatorProgress, locale: Locale, t: Translator): string | null {
  const { latest, planned } = progress;
  if (!latest || planned === null || ind.kind === 'rank' || planned === 0) return null;
  return t('gapToPlan', { delta: signedChange(ind, latest.value - planned, locale, t), percent: formatPercent(latest.value / planned - 1, 1, locale, true) });
}

export function cardView(data: DashboardData, ind: IndicatorDto, locale: Locale, t: Translator, latestMonth: Month, tag?: string): IndicatorCardView {
  const progress = data.progress.get(ind.code)!;
  const name = indicatorName(ind, locale);
  const spark = sparklineSeries(ind, progress, data.observations.get(ind.code) ?? []);
  return {
    code: ind.code,
    href: withMonth(`/indicators/${ind.code}`, data.asOf, latestMonth),
    name,
    tag,
    status: progress.status,
    statusLabel: t(`status.${progress.status}`),
    value: progress.latest ? quantity(ind, progress.latest.value, locale) : null,
    month: progress.latest ? formatMonth(progress.latest.month, locale) : null,
    noData: t('noData'),
    gap: gapToPlan(ind, progress, locale, t),
    flags: flagsOf(data, ind, progress, t),
    pendingNote: pendingNote(data, ind, locale, t),
    share: shareOf(progress, locale, t),
    targets: milestoneTexts(ind, progress, locale, t),
    changes: changeTexts(ind, progress, locale, t),
    sparkline: spark.actual.length > 1 ? { ...spark, label: t('sparkline', { name }) } : null,
    owner: t('owner', { units: ind.reporters.map((r) => localName(locale, r)).join(listSeparator(locale)) }),
  };
}

export function statusRowView(data: DashboardData, ind: IndicatorDto, locale: Locale, t: Translator, latestMonth: Month): StatusRowView {
  const progress = data.progress.get(ind.code)!;
  return {
    code: ind.code,
    href: withMonth(`/indicators/${ind.code}`, data.asOf, latestMonth),
    name: indicatorName(ind, locale),
    value: progress.latest ? quantity(ind, progress.latest.value, locale) : null,
    month: progress.latest ? formatMonth(progress.latest.month, locale) : null,
    target: progress.nextMilestone ? `${progress.nextMilestone.year} · ${milestoneText(ind, progress.nextMilestone, locale)}` : null,
    share: progress.share ? formatPercent(progress.share.ratio, 0, locale) : null,
    status: progress.status,
    statusLabel: t(`status.${progress.status}`),
  };
}

export function statusCounts(statuses: ProgressStatus[], t: Translator): StatusCountView[] {
  return STATUS_ORDER.map((status) => ({ status, label: t(`status.${status}`), count: statuses.filter((s) => s === status).length })).filter(
    (c) => c.status !== 'no_data' || c.count > 0,
  );
}

/** Codes that only feed a computed indicator (常住人口): shown as inputs, not as targets of their own. */
export function formulaInputs(indicators: IndicatorDto[]): Set<string> {
  return new Set(indicators.flatMap((i) => (i.formula ? [i.formula.numerator, i.formula.denominator] : [])));
}

/** Tasks whose targets are an industry cluster: one enterprise count (stock) and one output value (year to date). */
export function clusterTasks(tasks: TaskDto[], byCode: Map<string, IndicatorDto>): { task: TaskDto; enterprises: IndicatorDto; output: IndicatorDto }[] {
  return tasks.flatMap((task) => {
    const inds = task.indicatorCodes.map((c) => byCode.get(c)).filter((i): i is IndicatorDto => !!i);
    const enterprises = inds.find((i) => i.kind === 'stock');
    const output = inds.find((i) => i.kind === 'ytd_cumulative');
    return inds.length === 2 && enterprises && output ? [{ task, enterprises, output }] : [];
  });
}

/** "智能传感器产业聚集企业" → "智能传感器产业"; "Smart sensor industry: enterprises clustered" → "Smart sensor industry". */
function clusterName(enterprises: IndicatorDto, locale: Locale): string {
  return locale === 'en' ? enterprises.nameEn.split(':')[0] : enterprises.name.replace(/聚集企业$/, '');
}

export function clusterRowView(
  data: DashboardData,
  cluster: { task: TaskDto; enterprises: IndicatorDto; output: IndicatorDto },
  locale: Locale,
  t: Translator,
  latestMonth: Month,
): ClusterRowView {
  const cell = (ind: IndicatorDto, label: string) => {
    const progress = data.progress.get(ind.code)!;
    const yoy = progress.yearOnYear;
    return {
      href: withMonth(`/indicators/${ind.code}`, data.asOf, latestMonth),
      label,
      value: progress.latest ? quantity(ind, progress.latest.value, locale) : null,
      month: progress.latest ? formatMonth(progress.latest.month, locale) : null,
      target: targetText(ind, progress, locale, t),
      share: shareOf(progress, locale, t),
      detail: ind.kind === 'ytd_cumulative' && yoy?.growth != null ? t('ytdDetail', { growth: formatPercent(yoy.growth, 1, locale, true) }) : changeTexts(ind, progress, locale, t)[0] ?? null,
      status: progress.status,
      statusLabel: t(`status.${progress.status}`),
    };
  };
  return {
    key: cluster.task.key,
    name: clusterName(cluster.enterprises, locale),
    task: { label: t('taskTag', { no: cluster.task.no }), href: withMonth(`/tasks/${cluster.task.key}`, data.asOf, latestMonth) },
    lead: cluster.task.lead.map((p) => partyLabel(locale, p)).join(listSeparator(locale)),
    cells: [cell(cluster.enterprises, t('enterprises')), cell(cluster.output, t('output'))],
  };
}
