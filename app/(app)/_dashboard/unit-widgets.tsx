// Page layer: the unit page's widgets: the tasks it leads and shares with their status, its indicators' progress, its
// own figures in breakdowns, and its reporting record.
import { getTranslations } from 'next-intl/server';
import { ReportingRecord } from '@/components/dashboard/reporting-record';
import { StatusTable } from '@/components/dashboard/status-table';
import { TaskBoard } from '@/components/dashboard/task-board';
import { UnitFigureTable } from '@/components/dashboard/unit-figure-table';
import { formatMonth, formatPercent, listSeparator, type Locale } from '@/lib/format';
import { parseMonth, type Month } from '@/lib/periods';
import { getDataVersion, listUnitFigures } from '@/lib/queries/dashboard';
import type { UnitDetailDto } from '@/lib/queries/plan';
import { BehindList } from '@/components/dashboard/behind-list';
import { dashboardViewer, loadDashboard, planSnapshot, taskProgress, unitReportingRecord } from './load';
import { unitBehindView, type BehindView } from './behind-views';
import { createVersionMemo } from '@/lib/version-memo';
import { taskBoardItems, taskBoardText } from './task-widgets';
import { indicatorName, quantity, signedChange, statusRowView, withMonth } from './views';

// A unit's behind list, per language, unit and month, until the data changes.
const unitBehindMemo = createVersionMemo<BehindView>(96);

interface WidgetProps {
  unit: UnitDetailDto;
  asOf: Month;
  latest: Month;
  locale: Locale;
}

/** What the unit is behind on, first on its page: indicators it owns and tasks it leads that are behind, overdue reports. */
export async function UnitBehindWidget({ unit, asOf, latest, locale }: WidgetProps) {
  const [t, version, record] = await Promise.all([getTranslations('dashboard'), getDataVersion(), unitReportingRecord(unit.id, parseMonth(asOf).year)]);
  // unitReportingRecord has checked the viewer; the list is the same for every dashboard viewer.
  const view = await unitBehindMemo.get(`${locale}|${unit.id}|${asOf}|${latest}`, version, async () => {
    const [data, { tasks }, reports] = await Promise.all([loadDashboard(asOf), planSnapshot(), taskProgress(asOf)]);
    return unitBehindView(data, tasks, reports, unit.id, locale, t, latest);
  });
  const overdue = record.missingMonths.filter((m) => m <= asOf);
  return (
    <>
      <p className={`mb-2 text-sm ${overdue.length ? 'font-medium text-red-800' : 'text-slate-600'}`} data-overdue-reports={overdue.length}>
        {overdue.length ? t('unit.overdueReports', { months: overdue.map((m) => formatMonth(m, locale)).join(listSeparator(locale)) }) : t('unit.noOverdueReports')}
      </p>
      <BehindList indicators={view.indicators} tasks={view.tasks} text={view.text} />
    </>
  );
}

export async function UnitTasksWidget({ unit, asOf, latest, locale }: WidgetProps) {
  const tu = await getTranslations('units');
  const [leads, shares, text] = await Promise.all([
    taskBoardItems(unit.leadTasks, asOf, latest, locale),
    taskBoardItems(unit.sharedTasks, asOf, latest, locale),
    taskBoardText(),
  ]);
  const sections = [
    { id: 'lead', title: `${tu('leadTasks')}（${leads.length}）`, tasks: leads },
    { id: 'shared', title: `${tu('sharedTasks')}（${shares.length}）`, tasks: shares },
  ];
  return <TaskBoard sections={sections} text={{ ...text, empty: tu('none') }} />;
}

export async function UnitIndicatorsWidget({ unit, asOf, latest, locale }: WidgetProps) {
  const [t, data] = await Promise.all([getTranslations('dashboard'), loadDashboard(asOf)]);
  const own = unit.breakdownIndicators.length ? await listUnitFigures(await dashboardViewer(), unit.id, asOf) : new Map();
  const tableText = {
    indicator: t('table.indicator'),
    latest: t('table.latest'),
    target: t('table.target'),
    share: t('table.share'),
    status: t('table.status'),
    none: t('noData'),
  };
  return (
    <div className="mb-6 grid gap-4">
      {unit.reportedIndicators.length ? (
        <StatusTable rows={unit.reportedIndicators.map((ind) => statusRowView(data, data.byCode.get(ind.code)!, locale, t, latest))} text={{ ...tableText, caption: t('unit.indicators') }} />
      ) : null}
      {unit.breakdownIndicators.length ? (
        <UnitFigureTable
          rows={unit.breakdownIndicators.map((i) => {
            const ind = data.byCode.get(i.code)!;
            const figure = own.get(ind.id);
            const district = data.progress.get(ind.code)?.latest;
            return {
              code: ind.code,
              href: withMonth(`/indicators/${ind.code}`, asOf, latest),
              name: indicatorName(ind, locale),
              value: figure ? quantity(ind, figure.value, locale) : null,
              month: figure ? formatMonth(figure.month, locale) : null,
              yoy: figure && figure.yearAgo !== null ? signedChange(ind, figure.value - figure.yearAgo, locale, t) : null,
              district: district ? t('unit.districtValue', { value: quantity(ind, district.value, locale), month: formatMonth(district.month, locale) }) : null,
            };
          })}
          text={{ caption: t('unit.breakdown'), indicator: t('table.indicator'), value: t('unit.value'), yoy: t('unit.yoy'), district: t('unit.district'), none: t('noData') }}
        />
      ) : null}
    </div>
  );
}

export async function UnitReportingWidget({ unit, asOf, locale }: WidgetProps) {
  const year = parseMonth(asOf).year;
  const [t, record] = await Promise.all([getTranslations('dashboard'), unitReportingRecord(unit.id, year)]);
  const view =
    record.onTimeRate !== null
      ? {
          headline: t('unit.onTime', { year, rate: formatPercent(record.onTimeRate, 0, locale) }),
          detail: t('unit.onTimeDetail', { expected: record.expected, onTime: record.onTime, late: record.late, missing: record.missing }),
        }
      : null;
  return <ReportingRecord title={t('unit.reporting')} view={view} pending={t('unit.reportingNone', { year })} />;
}
