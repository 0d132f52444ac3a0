// Pure: the numbered sections of a 月通报 from plain facts. No I/O; lib/queries/bulletin/ gathers the facts.
import type { BulletinSection, BulletinTable, Cell, Correction } from '@/lib/bulletin/types';
import { monthTitle, names, num, percent, signed, statusText } from '@/lib/bulletin/text';
import type { LeagueTable, MonthRanking } from '@/lib/rankings/leagues';
import { topAndBottom } from '@/lib/rankings/rank';
import type { Month } from '@/lib/periods';

export interface HeadlineFact {
  name: string;
  unit: string;
  decimals: number;
  value: number | null;
  /** The month of the figure shown (quarterly and annual indicators show their latest). */
  valueMonth: Month | null;
  change: number | null;
  yearOnYear: number | null;
  planned: number | null;
  milestones: { year: number; text: string }[];
  status: string;
}

export interface ClusterFact {
  taskNo: number;
  title: string;
  rows: { name: string; unit: string; decimals: number; value: number | null; yearOnYear: number | null }[];
}

export interface ShareRowFact {
  unitName: string;
  value: number | null;
  share: number | null;
}

export interface ShareTableFact {
  indicatorName: string;
  unit: string;
  groupName: string;
  year: number;
  districtTarget: number | null;
  rows: ShareRowFact[];
}

export interface BehindTaskFact {
  taskNo: number;
  title: string;
  unitName: string;
  reason: string;
}

export interface DisciplineFact {
  late: string[];
  missing: string[];
  /** Units with figures or task reports returned this year, most first. */
  returned: { unitName: string; count: number }[];
}

export const SECTION_TITLES = ['一、主要指标完成情况', '二、结构分析', '三、赛马比拼', '四、重点任务推进', '五、填报纪律', '六、督办事项'] as const;

export function headlineSection(month: Month, facts: HeadlineFact[]): BulletinSection {
  const table: BulletinTable = {
    title: `${monthTitle(month)}主要指标完成情况`,
    columns: ['指标', '单位', '本期数', '较上月', '同比', '本月计划值', '阶段目标', '状态'],
    rows: facts.map((f): Cell[] => [
      f.name,
      f.unit,
      f.valueMonth && f.valueMonth !== month ? `${num(f.value, f.decimals)}（${monthTitle(f.valueMonth)}）` : num(f.value, f.decimals),
      signed(f.change, f.decimals),
      signed(f.yearOnYear, f.decimals),
      num(f.planned, f.decimals),
      f.milestones.map((m) => `${m.year}年${m.text}`).join('；'),
      statusText(f.status),
    ]),
  };
  const behind = facts.filter((f) => f.status === 'behind' || f.status === 'far_behind').map((f) => f.name);
  const met = facts.filter((f) => f.status === 'met').map((f) => f.name);
  return {
    key: 'headline',
    title: SECTION_TITLES[0],
    paragraphs: [
      `截至${monthTitle(month)}，纳入监测的${facts.length}项主要指标中，已达成阶段目标${met.length}项，进度正常${facts.filter((f) => f.status === 'on_track').length}项，滞后${behind.length}项${behind.length ? `（${names(behind)}）` : ''}。`,
    ],
    tables: [table],
  };
}

export function structureSection(month: Month, clusters: ClusterFact[], shares: ShareTableFact[]): BulletinSection {
  const clusterTable: BulletinTable = {
    title: `${monthTitle(month)}重点产业集群情况`,
    columns: ['任务', '指标', '单位', '本期数', '同比'],
    rows: clusters.flatMap((c) => c.rows.map((r): Cell[] => [`${c.taskNo}. ${c.title}`, r.name, r.unit, num(r.value, r.decimals), signed(r.yearOnYear, r.decimals)])),
  };
  const shareTables = shares.map((s): BulletinTable => {
    const sumShares = s.rows.reduce((acc, r) => acc + (r.share ?? 0), 0);
    const sumValues = s.rows.reduce((acc, r) => acc + (r.value ?? 0), 0);
    return {
      title: `${s.indicatorName}分解任务完成情况（${s.groupName}，${s.year}年目标）`,
      columns: ['单位', `本期数（${s.unit}）`, `分解任务（${s.unit}）`, '完成率'],
      rows: [
        ...s.rows.map((r): Cell[] => [r.unitName, num(r.value), num(r.share), r.share ? percent((r.value ?? 0) / r.share) : '未分解']),
        ['合计', num(sumValues), num(sumShares), sumShares ? percent(sumValues / sumShares) : '—'],
      ],
    };
  });
  const gaps = shares
    .filter((s) => s.districtTarget !== null && s.rows.some((r) => r.share !== null))
    .map((s) => ({ s, sum: s.rows.reduce((acc, r) => acc + (r.share ?? 0), 0) }))
    .filter(({ s, sum }) => Math.abs(sum - s.districtTarget!) > 1e-9)
    .map(({ s, sum }) => `${s.indicatorName}（${s.groupName}）分解合计${num(sum)}${s.unit}，与区级目标${num(s.districtTarget)}${s.unit}相差${signed(sum - s.districtTarget!)}${s.unit}`);
  return {
    key: 'structure',
    title: SECTION_TITLES[1],
    paragraphs: [
      `（一）重点产业集群。${clusters.map((c) => `${c.title}：${c.rows.map((r) => `${r.name}${num(r.value, r.decimals)}${r.unit}`).join('，')}`).join('；')}。`,
      `（二）镇街和园区。各镇街、园区对照分解任务的完成情况见下表。${gaps.length ? `需要说明：${gaps.join('；')}。` : ''}`,
    ],
    tables: [clusterTable, ...shareTables],
  };
}

const LEAGUE_NAMES: Record<string, string> = { towns: '镇街', parks: '园区管委会', departments: '区级部门' };
export const leagueName = (key: string) => LEAGUE_NAMES[key] ?? key;

function movementText(movement: number | null): string {
  if (movement === null) return '—';
  return movement > 0 ? `↑${movement}` : movement < 0 ? `↓${-movement}` : '—';
}

export function leagueTable(league: LeagueTable): BulletinTable {
  return {
    title: `${leagueName(league.key)}赛马比拼`,
    columns: ['名次', '单位', '得分', '较上月'],
    rows: league.rows.map((r): Cell[] => [r.tied ? `${r.rank}（并列）` : r.rank, r.name, r.total, movementText(r.movement)]),
  };
}

export function raceSection(ranking: MonthRanking): BulletinSection {
  const paragraphs = ranking.leagues.map((league, i) => {
    const { top, bottom } = topAndBottom(league.rows, 3);
    return `（${['一', '二', '三'][i] ?? i + 1}）${leagueName(league.key)}。前三名：${names(top.map((r) => r.name))}；后三名：${names(bottom.map((r) => r.name))}。`;
  });
  paragraphs.push(`评分按赛马比拼评分规则第${ranking.rule.ruleNo}号（${ranking.rule.effectiveFrom}起施行）计算，未报送数据的项目不得分。`);
  return { key: 'race', title: SECTION_TITLES[2], paragraphs, tables: ranking.leagues.map((l) => leagueTable(l)) };
}

export function tasksSection(tasks: BehindTaskFact[]): BulletinSection {
  return {
    key: 'tasks',
    title: SECTION_TITLES[3],
    paragraphs: [tasks.length ? `本月有${new Set(tasks.map((t) => t.taskNo)).size}项重点任务进度滞后，具体如下。` : '本月各项重点任务均按计划推进，无滞后任务。'],
    tables: tasks.length ? [{ title: '滞后重点任务', columns: ['任务', '牵头单位', '滞后原因'], rows: tasks.map((t): Cell[] => [`${t.taskNo}. ${t.title}`, t.unitName, t.reason]) }] : [],
  };
}

export function disciplineSection(facts: DisciplineFact): BulletinSection {
  return {
    key: 'discipline',
    title: SECTION_TITLES[4],
    paragraphs: [
      `逾期报送单位：${names(facts.late)}。`,
      `未报送单位：${names(facts.missing)}。`,
      `本年度被退回次数较多的单位：${facts.returned.length ? facts.returned.map((r) => `${r.unitName}（${r.count}次）`).join('、') : '无'}。`,
    ],
    tables: [],
  };
}

export interface OverdueSupervisionFact {
  text: string;
  target: string;
  leadUnits: string[];
  dueDate: string;
  daysOverdue: number;
  state: 'open' | 'answered' | 'returned' | 'closed';
}

const SUPERVISION_STATE: Record<OverdueSupervisionFact['state'], string> = { open: '待答复', answered: '已答复待办结', returned: '已退回重办', closed: '已办结' };

/** 六、督办事项: every item past its due date and not accepted (办结), most overdue first. */
export function supervisionSection(facts: OverdueSupervisionFact[]): BulletinSection {
  const sorted = [...facts].sort((a, b) => b.daysOverdue - a.daysOverdue);
  return {
    key: 'supervision',
    title: SECTION_TITLES[5],
    paragraphs: [sorted.length ? `截至通报日，逾期未办结的督办事项共${sorted.length}项，请牵头单位抓紧办理并及时反馈。` : '截至通报日，无逾期未办结的督办事项。'],
    tables: sorted.length
      ? [{ title: '逾期督办事项', columns: ['督办事项', '督办对象', '牵头单位', '应办结日期', '逾期天数', '状态'], rows: sorted.map((f): Cell[] => [f.text, f.target, f.leadUnits.join('、') || '—', f.dueDate, f.daysOverdue, SUPERVISION_STATE[f.state]]) }]
      : [],
  };
}

export function correctionsParagraphs(corrections: Correction[]): string[] {
  return corrections.map(
    (c) => `※更正：${c.issue}通报所列${c.unitName}${monthTitle(c.month)}“${c.indicatorName}”为${num(c.published, 2).replace(/\.?0+$/, '')}，${c.current === null ? '该数据已退回重新审核' : `经审核更正为${num(c.current, 2).replace(/\.?0+$/, '')}`}。`,
  );
}

/** Numbers the tables across sections (表1, 表2…) in reading order. */
export function numberTables(sections: BulletinSection[]): BulletinSection[] {
  let n = 0;
  return sections.map((s) => ({ ...s, tables: s.tables.map((t) => ({ ...t, title: `表${++n} ${t.title}` })) }));
}
