// Page layer: the widgets of one indicator's page. Each streams in behind its own skeleton; all share one read of the
// district figures per request through `loadDashboard`.
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { IndicatorChart } from '@/components/charts/indicator-chart';
import { BreakdownTable } from '@/components/dashboard/breakdown-table';
import { FigureTable, type FigureRowView } from '@/components/dashboard/figure-table';
import { IndicatorSummary } from '@/components/dashboard/indicator-summary';
import { MilestoneTable, type MilestoneRowView } from '@/components/dashboard/milestone-table';
import { clauseSeparator, formatMonth, formatNumber, formatPercent, formatQuantity, listSeparator, type Locale } from '@/lib/format';
import type { Month } from '@/lib/periods';
import { buildChartRows, isYearly, plannedAt, type IndicatorProgress, type MilestoneOutcome, type RequiredPace } from '@/lib/progress';
import { localName, type IndicatorDto } from '@/lib/queries/plan';
import { indicatorBreakdown, indicatorFigureRows, loadDashboard } from './load';
import { changeTexts, flagsOf, indicatorName, milestoneText, pendingNote, quantity, shareOf, signedChange, type Translator } from './views';

interface WidgetProps {
  code: string;
  asOf: Month;
  latest: Month;
  locale: Locale;
}

async function load(props: WidgetProps) {
  const [t, td, data] = await Promise.all([getTranslations('indicator'), getTranslations('dashboard'), loadDashboard(props.asOf)]);
  const ind = data.byCode.get(props.code)!;
  return { t, td, data, ind, progress: data.progress.get(props.code)! };
}

/** An amount of the indicator's unit; percentages as percentage points. One more decimal than the figures. */
function amount(ind: IndicatorDto, value: number, locale: Locale, td: Translator): string {
  const decimals = Math.min(ind.decimals + 1, 3);
  if (ind.unit === '%') return td('percentagePoints', { delta: formatNumber(value, decimals, locale) });
  return formatQuantity(value, ind.unit, decimals, locale);
}

function paceLines(ind: IndicatorDto, pace: RequiredPace, locale: Locale, t: Translator, td: Translator): string[] {
  if (pace.met) return [t('pace.met')];
  const required = amount(ind, pace.required, locale, td);
  const current = pace.current !== null ? amount(ind, pace.current, locale, td) : null;
  if (ind.kind === 'ytd_cumulative') {
    const lines = pace.requiredGrowth === null ? [t('pace.ytdRest', { required })] : [t('pace.ytdYear', { year: pace.year, required })];
    if (pace.requiredGrowth !== null) lines.push(t('pace.growth', { growth: formatPercent(pace.requiredGrowth, 1, locale) }));
    if (current) lines.push(t('pace.ytdCurrent', { current }));
    return lines;
  }
  const lines = [t(pace.period === 'month' ? 'pace.month' : 'pace.year', { required })];
  if (current) lines.push(t(pace.period === 'month' ? 'pace.currentMonth' : 'pace.currentYear', { current }));
  return lines;
}

const outcomeTone: Record<MilestoneOutcome, MilestoneRowView['outcomeTone']> = { met: 'ok', on_course: 'ok', missed: 'bad', off_course: 'bad', awaiting: 'neutral' };

function methodLine(ind: IndicatorDto, progress: IndicatorProgress, locale: Locale, t: Translator): string {
  const { method, growth } = progress.projection;
  if (ind.kind === 'rank') return t('method.rank');
  if (method === 'yoy') return t('method.yoy', { growth: formatPercent(growth ?? 0, 1, locale, true) });
  return t(method === 'trend' && isYearly(ind) ? 'method.trendYearly' : `method.${method}`);
}

export async function SummaryWidget(props: WidgetProps) {
  const { t, td, data, ind, progress } = await load(props);
  const { locale } = props;
  const future = progress.milestones.filter((m) => m.projected !== null);
  const nextPace = progress.paces.find((p) => p.year === progress.nextMilestone?.year);
  const start = progress.trajectory.anchor;
  const formulaName = (code: string) => {
    const input = data.byCode.get(code);
    return input ? indicatorName(input, locale) : code;
  };
  const startText =
    progress.trajectory.start === 'baseline' && ind.baseline
      ? t('start.baseline', { year: ind.baseline.year, value: quantity(ind, ind.baseline.value, locale) })
      : progress.trajectory.start === 'first_value' && start
        ? ind.kind === 'ytd_cumulative'
          ? t('start.first_year', { year: start.month.slice(0, 4), value: quantity(ind, start.value, locale) })
          : t('start.first_value', { month: formatMonth(start.month, locale), value: quantity(ind, start.value, locale) })
        : t('start.none');
  const facts = [
    { label: t('fact.kind'), value: `${t(`kind.${ind.kind}`)}${locale === 'en' ? ', ' : '，'}${t(`frequency.${ind.frequency}`)}${ind.lagged ? `${clauseSeparator(locale)}${t('lagged')}` : ''}` },
    { label: t('fact.path'), value: t(ind.kind === 'rank' ? 'trajectory.rank' : `trajectory.${ind.trajectory}`) },
    { label: t('fact.start'), value: startText },
    ...(ind.kind === 'ytd_cumulative' ? [{ label: t('fact.ytd'), value: t('ytdPlan') }] : []),
    ...(ind.formula
      ? [
          {
            label: t('fact.formula'),
            value: t('formula', { numerator: formulaName(ind.formula.numerator), denominator: formulaName(ind.formula.denominator), factor: formatNumber(ind.formula.factor, 0, locale) }),
          },
        ]
      : []),
    { label: t('fact.reporters'), value: ind.reporters.map((r) => localName(locale, r)).join(listSeparator(locale)) },
    ...(ind.taskNos.length
      ? [
          {
            label: t('fact.tasks'),
            value: (
              <>
                {ind.taskNos.map((no, i) => (
                  <span key={no}>
                    {i > 0 ? listSeparator(locale) : null}
                    <Link href={`/tasks/${no}`}>{td('taskTag', { no })}</Link>
                  </span>
                ))}
              </>
            ),
          },
        ]
      : []),
    ...(ind.breakdownGroups.length ? [{ label: t('fact.breakdown'), value: ind.breakdownGroups.map((g) => localName(locale, g)).join(listSeparator(locale)) }] : []),
  ];

  return (
    <IndicatorSummary
      statusTitle={t('statusTitle')}
      latestTitle={t('latest')}
      plannedTitle={t('planned')}
      view={{
        status: progress.status,
        statusLabel: td(`status.${progress.status}`),
        value: progress.latest ? quantity(ind, progress.latest.value, locale) : null,
        month: progress.latest ? formatMonth(progress.latest.month, locale) : null,
        flags: flagsOf(data, ind, progress, td),
        noData: td('noData'),
        planned: progress.planned !== null ? quantity(ind, progress.planned, locale) : null,
        ofPlan: progress.ratio !== null && ind.kind !== 'rank' ? t('ofPlan', { percent: formatPercent(progress.ratio, 1, locale) }) : null,
        changes: changeTexts(ind, progress, locale, td),
        pendingNote: pendingNote(data, ind, locale, td),
        next: {
          title: t('nextMilestone'),
          target: progress.nextMilestone ? t('nextTarget', { year: progress.nextMilestone.year, text: milestoneText(ind, progress.nextMilestone, locale) }) : null,
          share: shareOf(progress, locale, td),
          lines: nextPace ? paceLines(ind, nextPace, locale, t, td) : [],
        },
        projection: {
          title: t('projection'),
          lines: [
            methodLine(ind, progress, locale, t),
            ...future.map((m) => t('projectionLine', { month: formatMonth(m.month, locale), value: quantity(ind, m.projected!, locale), outcome: t(`outcome.${m.outcome}`) })),
          ],
        },
        facts: { title: t('facts'), items: facts, colon: t('colon') },
      }}
    />
  );
}

export async function ChartWidget(props: WidgetProps) {
  const { t, td, data, ind, progress } = await load(props);
  const { locale } = props;
  const pending = ind.kind === 'computed' ? [] : (data.figures.get(ind.code)?.pending ?? []).map(({ month, value }) => ({ month, value }));
  const rows = buildChartRows(ind, progress, data.observations.get(ind.code) ?? [], pending);
  const summary = [
    td(`status.${progress.status}`),
    progress.latest ? `${formatMonth(progress.latest.month, locale)} ${quantity(ind, progress.latest.value, locale)}` : td('noData'),
    ...progress.milestones.map((m) => `${m.year} ${milestoneText(ind, m, locale)}`),
  ].join(clauseSeparator(locale));
  const alt = t('chart.alt', { name: indicatorName(ind, locale), summary });
  return (
    <figure className="avoid-break mb-6 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4">
      <figcaption className="mb-2 text-sm font-semibold text-brand-900">{t('chart.title')}</figcaption>
      <IndicatorChart
        rows={rows}
        milestones={progress.milestones.map((m) => ({ month: m.month, value: m.value, label: milestoneText(ind, m, locale) }))}
        unit={ind.unit}
        decimals={ind.decimals}
        locale={locale}
        yearly={isYearly(ind)}
        reversed={ind.kind === 'rank'}
        text={{ actual: t('chart.actual'), pending: t('chart.pending'), planned: t('chart.planned'), projected: t('chart.projected'), alt }}
      />
      <p className="sr-only">{alt}</p>
      <noscript>
        <p className="text-sm text-slate-600">{t('chart.noScript')}</p>
      </noscript>
    </figure>
  );
}

export async function MilestonesWidget(props: WidgetProps) {
  const { t, td, ind, progress } = await load(props);
  const { locale } = props;
  const rows: MilestoneRowView[] = progress.milestones.map((m) => {
    const pace = progress.paces.find((p) => p.year === m.year);
    return {
      year: m.year,
      target: milestoneText(ind, m, locale),
      planned: m.planned !== null ? quantity(ind, m.planned, locale) : '—',
      actual: m.actual !== null ? quantity(ind, m.actual, locale) : m.projected !== null ? t('projectedValue', { value: quantity(ind, m.projected, locale) }) : '—',
      outcome: t(`outcome.${m.outcome}`),
      outcomeTone: outcomeTone[m.outcome],
      pace: pace ? paceLines(ind, pace, locale, t, td) : [],
    };
  });
  return (
    <MilestoneTable
      rows={rows}
      text={{
        caption: t('milestones.caption'),
        year: t('milestones.year'),
        target: t('milestones.target'),
        planned: t('milestones.planned'),
        actual: t('milestones.actual'),
        outcome: t('milestones.outcome'),
        pace: t('milestones.pace'),
      }}
    />
  );
}

function ofPlan(value: number, planned: number | null, ind: IndicatorDto, locale: Locale): string {
  return planned && ind.kind !== 'rank' ? formatPercent(value / planned, 1, locale) : '—';
}

export async function FiguresWidget(props: WidgetProps) {
  const { t, data, ind, progress } = await load(props);
  const { locale } = props;
  const planned = (month: Month) => plannedAt(progress.trajectory, month);
  let rows: FigureRowView[];
  if (ind.kind === 'computed') {
    rows = [...(data.observations.get(ind.code) ?? [])].reverse().map((o) => ({
      key: o.month,
      month: formatMonth(o.month, locale),
      value: quantity(ind, o.value, locale),
      planned: planned(o.month) !== null ? quantity(ind, planned(o.month)!, locale) : '—',
      ofPlan: ofPlan(o.value, planned(o.month), ind, locale),
      stage: '—',
      status: { label: t('figures.derived'), tone: 'info' },
    }));
  } else {
    const figures = await indicatorFigureRows(ind.id, data.plan.regionUnitId, props.asOf);
    rows = figures.map((f) => ({
      key: `${f.month}-${f.stage}-${f.status}`,
      month: formatMonth(f.month, locale),
      value: quantity(ind, f.value, locale),
      planned: planned(f.month) !== null ? quantity(ind, planned(f.month)!, locale) : '—',
      ofPlan: ofPlan(f.value, planned(f.month), ind, locale),
      stage: t(`figures.${f.stage}`),
      status: f.status === 'approved' ? { label: t('figures.approved'), tone: 'ok' } : { label: t('figures.submitted'), tone: 'warn' },
    }));
  }
  return (
    <FigureTable
      rows={rows}
      text={{
        caption: t(isYearly(ind) ? 'figures.captionYearly' : 'figures.caption'),
        month: t('figures.month'),
        value: t('figures.value'),
        planned: t('figures.planned'),
        ofPlan: t('figures.ofPlan'),
        stage: t('figures.stage'),
        status: t('figures.status'),
        none: t('figures.none'),
      }}
    />
  );
}

export async function BreakdownWidget(props: WidgetProps) {
  const { t, td, data, ind } = await load(props);
  const { locale } = props;
  const breakdown = await indicatorBreakdown(ind.id, props.asOf);
  if (!breakdown.month) return <p className="text-sm text-slate-500">{t('breakdown.none')}</p>;
  const district = (data.observations.get(ind.code) ?? []).find((o) => o.month === breakdown.month)?.value ?? null;
  const month = formatMonth(breakdown.month, locale);
  const tb = await getTranslations('bulletin');
  return (
    <div className="grid gap-4">
      {breakdown.groups.map((g) => (
        <BreakdownTable
          key={g.groupId}
          caption={t('breakdown.caption', { group: localName(locale, { name: g.groupName, nameEn: g.groupNameEn }), month })}
          rows={g.rows.map((r) => ({
            unitId: r.unitId,
            name: localName(locale, r),
            value: r.value !== null ? quantity(ind, r.value, locale) : '—',
            share: r.value !== null && district ? formatPercent(r.value / district, 1, locale) : '—',
            shareRatio: r.value !== null && district ? r.value / district : 0,
            yoy: r.value !== null && r.yearAgo !== null ? signedChange(ind, r.value - r.yearAgo, locale, td) : '—',
            target: r.target ? `${quantity(ind, r.value ?? 0, locale)} / ${quantity(ind, r.target.value, locale)}${r.target.value > 0 ? `（${formatPercent((r.value ?? 0) / r.target.value, 1, locale)}）` : ''}` : undefined,
          }))}
          text={{ unit: t('breakdown.unit'), value: t('breakdown.value'), share: t('breakdown.share'), yoy: t('breakdown.yoy'), target: tb('targetColumn', { year: g.rows.find((r) => r.target)?.target?.year ?? '' }) }}
        />
      ))}
      <p className="text-xs text-slate-500">{t('breakdown.note')}</p>
    </div>
  );
}
