// Server only. Generates a month's 月通报 from approved figures: the numbered sections come from a list of section
// providers, so that a later domain (督办 supervision, section 6) adds its own provider here without touching the
// others. A provider that has nothing to say returns null and its section is absent, never faked.
import 'server-only';
import { getDb } from '@/lib/db/client';
import { correctionsParagraphs, disciplineSection, numberTables, headlineSection, raceSection, structureSection, tasksSection } from '@/lib/bulletin/compose';
import { cstDate } from '@/lib/reporting/deadlines';
import { issueOf, monthTitle } from '@/lib/bulletin/text';
import { BULLETIN_OFFICE, type BulletinContent, type BulletinSection, type Correction, type FigureRef } from '@/lib/bulletin/types';
import type { Month } from '@/lib/periods';
import type { Observation } from '@/lib/progress';
import { getCurrentPlan, listIndicators, listTasks, type IndicatorDto, type PlanDto, type TaskDto } from '@/lib/queries/plan';
import { computeMonthRanking } from '@/lib/queries/rankings/month';
import type { MonthRanking } from '@/lib/rankings/leagues';
import { approvedIndex, clusterFacts, readBehindTasks, readDiscipline, readHeadline, readShareTables } from '@/lib/queries/bulletin/facts';
import { systemActor } from '@/lib/actor';
import { readOverdueSupervision } from '@/lib/queries/bulletin/supervision-section';

export interface SectionContext {
  plan: PlanDto;
  month: Month;
  now: Date;
  indicators: IndicatorDto[];
  tasks: TaskDto[];
  regionName: string;
  /** Figures stated by earlier sections; a provider adds the figures its own numbers come from. */
  figures: FigureRef[];
  /** Every indicator's approved district series up to the month, once the headline section has read it. */
  series?: Map<string, Observation[]>;
  ranking: MonthRanking;
}

export interface SectionProvider {
  key: string;
  build: (ctx: SectionContext) => Promise<BulletinSection | null>;
}

/** The bulletin's sections, in order; section 6 (督办事项) reads the supervision domain's overdue items. */
export const sectionProviders: SectionProvider[] = [
  {
    key: 'headline',
    build: async (ctx) => {
      const { facts, figures, series } = await readHeadline(ctx.plan, ctx.indicators, ctx.month, ctx.regionName);
      ctx.figures.push(...figures);
      ctx.series = series;
      return headlineSection(ctx.month, facts);
    },
  },
  {
    key: 'structure',
    build: async (ctx) => {
      const series = ctx.series ?? (await readHeadline(ctx.plan, ctx.indicators, ctx.month, ctx.regionName)).series;
      const clusters = clusterFacts(ctx.indicators, ctx.tasks, series, ctx.month);
      const clusterFigures = ctx.indicators
        .filter((i) => clusters.some((c) => i.taskNos.includes(c.taskNo)))
        .flatMap((i): FigureRef[] => {
          const last = (series.get(i.code) ?? []).filter((o) => o.month <= ctx.month).at(-1);
          return last ? [{ code: i.code, indicatorName: i.name, unitId: ctx.plan.regionUnitId, unitName: ctx.regionName, month: last.month, value: last.value, derived: false }] : [];
        });
      const shares = await readShareTables(ctx.plan, ctx.indicators, ctx.month);
      ctx.figures.push(...clusterFigures, ...shares.figures);
      return structureSection(ctx.month, clusters, shares.tables);
    },
  },
  { key: 'race', build: async (ctx) => raceSection(ctx.ranking) },
  { key: 'tasks', build: async (ctx) => tasksSection(await readBehindTasks(ctx.plan.id, ctx.month)) },
  { key: 'discipline', build: async (ctx) => disciplineSection(await readDiscipline(ctx.plan.id, ctx.month, ctx.now)) },
  { key: 'supervision', build: async (ctx) => readOverdueSupervision(ctx.plan.id, ctx.now) },
];

/** Figures a published bulletin stated that differ from what is approved now. */
export async function findCorrections(previous: { content: BulletinContent } | null): Promise<Correction[]> {
  if (!previous) return [];
  const stated = previous.content.figures.filter((f) => !f.derived);
  if (stated.length === 0) return [];
  const db = await getDb();
  const indicators = await db.indicator.findMany({ where: { code: { in: [...new Set(stated.map((f) => f.code))] } }, select: { id: true, code: true } });
  const idOf = new Map(indicators.map((i) => [i.code, i.id]));
  const rows = await db.indicatorValue.findMany({
    where: { status: 'approved', OR: stated.map((f) => ({ indicatorId: idOf.get(f.code) ?? -1, unitId: f.unitId, month: f.month })) },
    select: { indicatorId: true, unitId: true, month: true, stage: true, value: true },
  });
  const index = approvedIndex(rows);
  return stated.flatMap((f): Correction[] => {
    const current = index.get(`${idOf.get(f.code)}|${f.unitId}|${f.month}`) ?? null;
    return current === f.value ? [] : [{ issue: previous.content.issue, indicatorName: f.indicatorName, unitName: f.unitName, month: f.month, published: f.value, current }];
  });
}

/** The bulletin of a month as the approved data says now (a draft, or what publishing freezes). */
export async function generateBulletinContent(month: Month, now: Date): Promise<BulletinContent> {
  // The generator reads the plan for whoever asked: getBulletin and publishing check that viewer themselves.
  const reader = systemActor('bulletin');
  const plan = await getCurrentPlan(reader);
  const db = await getDb();
  const [indicators, tasks, region, previous] = await Promise.all([
    listIndicators(reader, plan.id),
    listTasks(reader, plan.id),
    db.unit.findUniqueOrThrow({ where: { id: plan.regionUnitId }, select: { name: true } }),
    db.bulletin.findFirst({ where: { planId: plan.id, status: 'published', month: { lt: month } }, orderBy: { month: 'desc' }, select: { content: true } }),
  ]);
  const ranking = await computeMonthRanking(plan.id, month, now);
  const ctx: SectionContext = { plan, month, now, indicators, tasks, regionName: region.name, figures: [], ranking };
  const sections: BulletinSection[] = [];
  for (const provider of sectionProviders) {
    const section = await provider.build(ctx);
    if (section) sections.push(section);
  }
  const corrections = await findCorrections(previous?.content ? { content: previous.content as unknown as BulletinContent } : null);
  if (corrections.length) sections.push({ key: 'corrections', title: '更正说明', paragraphs: correctionsParagraphs(corrections), tables: [] });
  return {
    month,
    title: `北碚区“双倍增”工作月通报（${monthTitle(month)}）`,
    office: BULLETIN_OFFICE,
    issue: issueOf(month),
    date: cstDate(now),
    ruleNo: ranking.rule.ruleNo,
    sections: numberTables(sections),
    corrections,
    figures: ctx.figures,
  };
}
