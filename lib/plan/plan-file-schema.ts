// Pure: the shape of a district plan file (prisma/plans/*.json). One schema for every district of Chongqing.
import { z } from 'zod';
import { registryRuleNames } from '@/lib/registry/derived';
import { qualificationKinds, type QualificationKind } from '@/lib/registry/validity';

const name = z.string().trim().min(1).max(60);
/** An optional English rendering of a Chinese name or title; the English UI falls back to the Chinese where absent. */
const english = z.string().trim().min(1).max(200).optional();
const year = z.number().int().min(2000).max(2100);

export const unitKinds = ['department', 'town', 'park', 'company', 'other'] as const;
export const indicatorKinds = ['stock', 'ytd_cumulative', 'annual_ratio', 'computed', 'rank'] as const;

const milestoneSchema = z
  .object({
    year,
    value: z.number().finite(),
    comparator: z.enum(['gt', 'gte', 'lte']),
    /** The document's wording, e.g. "超过470家". */
    text: z.string().min(1),
  })
  .strict();

const formulaSchema = z
  .object({
    op: z.literal('ratio'),
    numerator: z.string(),
    denominator: z.string(),
    factor: z.number().positive(),
  })
  .strict();

const partiesSchema = z.array(name).min(1);

export const indicatorFileSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'code: lower-case letters, digits and _'),
    name: z.string().min(1),
    nameEn: z.string().min(1),
    unit: z.enum(['家', '%', '件', '亿元', '万平米', '个', '人', '万人', '位']),
    kind: z.enum(indicatorKinds),
    frequency: z.enum(['monthly', 'quarterly', 'annual']),
    decimals: z.number().int().min(0).max(4).default(0),
    trajectory: z.enum(['linear', 'compound']).default('linear'),
    category: z.enum(['数量', '结构', '能力', 'task']),
    sourceText: z.string().min(1),
    reportingUnits: z.array(name).min(1),
    breakdowns: z.array(name).default([]),
    baseline: z.object({ year, value: z.number().finite() }).strict().nullable(),
    milestones: z.array(milestoneSchema).min(1),
    formula: formulaSchema.optional(),
    lagged: z.boolean().default(false),
    /** Counted from the enterprise registry: which qualification, by which rule (lib/registry/derived.ts). */
    registry: z
      .object({
        kind: z.enum(qualificationKinds as [QualificationKind, ...QualificationKind[]]),
        rule: z.enum(registryRuleNames),
        aboveScale: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const taskSchema = z
  .object({
    no: z.number().int().positive(),
    section: z.number().int().positive(),
    title: z.string().min(1),
    titleEn: english,
    text: z.string().min(1),
    lead: partiesSchema,
    responsible: partiesSchema,
    indicators: z.array(z.string()).default([]),
  })
  .strict();

const organisationSchema = taskSchema.omit({ section: true, indicators: true }).strict();

export const planFileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    region: z.string().min(1),
    regionEn: english,
    parentDocument: z.string().min(1),
    period: z.object({ start: year, end: year }).strict(),
    baselineYear: year,
    organisationSectionTitle: z.string().min(1).default('组织实施'),
    organisationSectionTitleEn: english,
    units: z.array(z.object({ name, nameEn: english, kind: z.enum(unitKinds), shortName: name.optional() }).strict()).min(1),
    groups: z.array(z.object({ name, nameEn: english, members: z.array(name).min(1), note: z.string().optional() }).strict()),
    sections: z.array(z.object({ no: z.number().int().positive(), title: z.string().min(1), titleEn: english }).strict()).min(1),
    tasks: z.array(taskSchema).min(1),
    organisation: z.array(organisationSchema),
    indicators: z.array(indicatorFileSchema).min(1),
  })
  .strict()
  .superRefine((plan, ctx) => {
    const units = new Set(plan.units.map((u) => u.name));
    const groups = new Set(plan.groups.map((g) => g.name));
    const codes = new Set(plan.indicators.map((i) => i.code));
    const sections = new Set(plan.sections.map((s) => s.no));
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const dupes = (list: (string | number)[], path: string) =>
      list.forEach((v, i) => list.indexOf(v) !== i && issue([path, i], `重复: ${v}`));

    dupes(plan.units.map((u) => u.name), 'units');
    dupes(plan.groups.map((g) => g.name), 'groups');
    dupes(plan.indicators.map((i) => i.code), 'indicators');
    dupes(plan.tasks.map((t) => t.no), 'tasks');
    dupes(plan.organisation.map((t) => t.no), 'organisation');
    plan.groups.forEach((g, gi) =>
      g.members.forEach((m, mi) => units.has(m) || issue(['groups', gi, 'members', mi], `未知单位: ${m}`)),
    );
    const checkParties = (list: string[], path: (string | number)[]) =>
      list.forEach((p, i) => units.has(p) || groups.has(p) || issue([...path, i], `未知单位或单位组: ${p}`));
    plan.tasks.forEach((t, ti) => {
      if (!sections.has(t.section)) issue(['tasks', ti, 'section'], `未知章节: ${t.section}`);
      checkParties(t.lead, ['tasks', ti, 'lead']);
      checkParties(t.responsible, ['tasks', ti, 'responsible']);
      t.indicators.forEach((c, ci) => codes.has(c) || issue(['tasks', ti, 'indicators', ci], `未知指标: ${c}`));
    });
    plan.organisation.forEach((t, ti) => {
      checkParties(t.lead, ['organisation', ti, 'lead']);
      checkParties(t.responsible, ['organisation', ti, 'responsible']);
    });
    plan.indicators.forEach((ind, ii) => {
      ind.reportingUnits.forEach((u, ui) => units.has(u) || issue(['indicators', ii, 'reportingUnits', ui], `未知单位: ${u}`));
      ind.breakdowns.forEach((g, gi) => groups.has(g) || issue(['indicators', ii, 'breakdowns', gi], `未知单位组: ${g}`));
      const years = ind.milestones.map((m) => m.year);
      dupes(years, `indicators.${ii}.milestones`);
      if (ind.kind === 'computed' && !ind.formula) issue(['indicators', ii, 'formula'], '计算型指标需要 formula');
      if (ind.formula) {
        for (const key of ['numerator', 'denominator'] as const) {
          if (!codes.has(ind.formula[key])) issue(['indicators', ii, 'formula', key], `未知指标: ${ind.formula[key]}`);
        }
      }
      if (ind.kind === 'rank' && ind.milestones.some((m) => m.comparator !== 'lte')) {
        issue(['indicators', ii, 'milestones'], '排名型指标的比较符必须为 lte');
      }
    });
  });

export type PlanFile = z.infer<typeof planFileSchema>;
export type IndicatorFile = z.infer<typeof indicatorFileSchema>;
