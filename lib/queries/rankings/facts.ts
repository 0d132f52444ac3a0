// Server only. The facts a month's horse race is scored on, read in a handful of queries: approved figures of the
// league members (the month and a year before), the shares in force, reporting timeliness and returns, and the lead
// units' task progress. Only approved figures count.
import 'server-only';
import { getDb } from '@/lib/db/client';
import { addMonths, parseMonth, type Month } from '@/lib/periods';
import { defaultClosesAt, effectiveClosesAt, timeliness } from '@/lib/reporting/deadlines';
import { readReportingSettings, REPORTING_SETTING_KEY } from '@/lib/reporting/settings';
import { LEAGUE_GROUPS, type LeagueFacts } from '@/lib/rankings/leagues';
import { ruleForMonth, scoringRuleSchema, type ScoringRule } from '@/lib/rankings/rule';
import type { DisciplineFacts, IndicatorFacts } from '@/lib/rankings/score';

export async function listScoringRules(planId: string): Promise<ScoringRule[]> {
  const db = await getDb();
  const rows = await db.rankingRule.findMany({ where: { planId }, orderBy: { ruleNo: 'asc' } });
  return rows.flatMap((r) => {
    const parsed = scoringRuleSchema.safeParse({ ...(r.rule as object), ruleNo: r.ruleNo, effectiveFrom: r.effectiveFrom });
    return parsed.success ? [parsed.data] : [];
  });
}

/** Whether a month's reporting is closed: its normal deadline has passed. */
export async function isMonthClosed(month: Month, now: Date): Promise<boolean> {
  // No month closes before it has ended; answered without date arithmetic, which a year past 9999 would overflow
  // (the fuzz test found 9999-12 failing with a RangeError instead of "not closed yet").
  if (month >= now.toISOString().slice(0, 7)) return false;
  const db = await getDb();
  const settings = readReportingSettings((await db.appSetting.findUnique({ where: { key: REPORTING_SETTING_KEY } }))?.value);
  return defaultClosesAt(month, settings.dueDay) <= now;
}

export interface RankingFacts {
  month: Month;
  rule: ScoringRule;
  leagues: LeagueFacts[];
}

/** The share in force for a month: the nearest milestone year not before the month's year, latest effective date. */
function shareInForce(rows: { year: number; effectiveFrom: string; value: number }[], month: Month): number | null {
  const year = parseMonth(month).year;
  const candidates = rows.filter((r) => r.effectiveFrom <= month && r.year >= year);
  if (candidates.length === 0) return null;
  const nearest = Math.min(...candidates.map((r) => r.year));
  return candidates.filter((r) => r.year === nearest).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0].value;
}

export async function getRankingFacts(planId: string, month: Month, now: Date): Promise<RankingFacts> {
  const db = await getDb();
  const rule = ruleForMonth(await listScoringRules(planId), month);
  const codes = rule.indicators.map((i) => i.code);
  const yearAgo = addMonths(month, -12);
  const [groups, departments, indicators, settingRow] = await Promise.all([
    db.unitGroup.findMany({
      where: { planId, name: { in: Object.values(LEAGUE_GROUPS) } },
      include: { members: { orderBy: { position: 'asc' }, include: { unit: { select: { id: true, name: true, active: true } } } }, breakdowns: { include: { indicator: { select: { code: true } } } } },
    }),
    db.unit.findMany({ where: { planId, kind: 'department', active: true }, orderBy: { position: 'asc' }, select: { id: true, name: true } }),
    db.indicator.findMany({ where: { planId, code: { in: codes } }, select: { id: true, code: true } }),
    db.appSetting.findUnique({ where: { key: REPORTING_SETTING_KEY } }),
  ]);
  const settings = readReportingSettings(settingRow?.value);
  const codeOf = new Map(indicators.map((i) => [i.id, i.code]));
  const areaIds = groups.flatMap((g) => g.members.map((m) => m.unit.id));
  const allIds = [...areaIds, ...departments.map((d) => d.id)];
  const [values, shares, submissions, returns, reporters, leads, taskReports] = await Promise.all([
    db.indicatorValue.findMany({ where: { unitId: { in: areaIds }, indicatorId: { in: [...codeOf.keys()] }, month: { in: [month, yearAgo] }, status: 'approved' }, select: { unitId: true, indicatorId: true, month: true, stage: true, value: true } }),
    db.targetShare.findMany({ where: { unitId: { in: areaIds }, indicatorId: { in: [...codeOf.keys()] }, effectiveFrom: { lte: month } }, select: { unitId: true, indicatorId: true, year: true, effectiveFrom: true, value: true } }),
    db.submission.findMany({ where: { unitId: { in: allIds }, month }, select: { unitId: true, firstSubmittedAt: true, extendedUntil: true } }),
    db.valueEvent.findMany({
      where: { action: 'returned', OR: [{ value: { month, reporterUnitId: { in: allIds } } }, { taskReport: { month, unitId: { in: allIds } } }] },
      select: { value: { select: { reporterUnitId: true } }, taskReport: { select: { unitId: true } } },
    }),
    db.indicatorReporter.findMany({ where: { unitId: { in: allIds } }, select: { unitId: true } }),
    db.taskParty.findMany({ where: { role: 'lead', unitId: { in: departments.map((d) => d.id) }, task: { planId, isOrganisation: false } }, select: { unitId: true, taskId: true } }),
    db.taskReport.findMany({ where: { month, role: 'lead', status: 'approved', unitId: { in: departments.map((d) => d.id) } }, select: { unitId: true, taskId: true, progress: true } }),
  ]);
  const pick = (unitId: number, indicatorId: number, m: Month) => {
    const rows = values.filter((v) => v.unitId === unitId && v.indicatorId === indicatorId && v.month === m);
    const row = rows.find((r) => r.stage === 'final') ?? rows[0];
    return row ? Number(row.value) : null;
  };
  const expected = new Set([...reporters.map((r) => r.unitId), ...leads.map((l) => l.unitId!)]);
  const returnsOf = new Map<number, number>();
  for (const r of returns) {
    const unitId = r.value?.reporterUnitId ?? r.taskReport?.unitId;
    if (unitId !== undefined) returnsOf.set(unitId, (returnsOf.get(unitId) ?? 0) + 1);
  }
  const discipline = (unitId: number): DisciplineFacts => {
    const s = submissions.find((x) => x.unitId === unitId);
    if (!expected.has(unitId) && !s) return { timeliness: 'not_expected', returns: returnsOf.get(unitId) ?? 0 };
    const closesAt = effectiveClosesAt({ month, dueDay: settings.dueDay, extendedUntil: s?.extendedUntil ?? null });
    return { timeliness: timeliness(now, closesAt, s?.firstSubmittedAt ?? null), returns: returnsOf.get(unitId) ?? 0 };
  };
  const areaLeagues: LeagueFacts[] = (['towns', 'parks'] as const).flatMap((key) => {
    const group = groups.find((g) => g.name === LEAGUE_GROUPS[key]);
    if (!group) return [];
    const leagueCodes = codes.filter((c) => group.breakdowns.some((b) => b.indicator.code === c));
    return [
      {
        key,
        codes: leagueCodes,
        departments: [],
        areas: group.members
          .filter((m) => m.unit.active)
          .map((m) => ({
            unitId: m.unit.id,
            name: m.unit.name,
            discipline: discipline(m.unit.id),
            indicators: Object.fromEntries(
              indicators
                .filter((i) => leagueCodes.includes(i.code))
                .map((i): [string, IndicatorFacts] => [
                  i.code,
                  {
                    value: pick(m.unit.id, i.id, month),
                    yearAgo: pick(m.unit.id, i.id, yearAgo),
                    share: shareInForce(shares.filter((s) => s.unitId === m.unit.id && s.indicatorId === i.id).map((s) => ({ ...s, value: Number(s.value) })), month),
                  },
                ]),
            ),
          })),
      },
    ];
  });
  const departmentLeague: LeagueFacts = {
    key: 'departments',
    codes: [],
    areas: [],
    departments: departments.map((d) => {
      const led = new Set(leads.filter((l) => l.unitId === d.id).map((l) => l.taskId));
      const reports = taskReports.filter((r) => r.unitId === d.id && led.has(r.taskId));
      const onTrack = reports.filter((r) => r.progress === 'on_track' || r.progress === 'done').length;
      const behind = reports.filter((r) => r.progress === 'behind').length;
      return { unitId: d.id, name: d.name, discipline: discipline(d.id), tasks: { led: led.size, onTrack, behind, missing: led.size - onTrack - behind } };
    }),
  };
  return { month, rule, leagues: [...areaLeagues, departmentLeague] };
}
