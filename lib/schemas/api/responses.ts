// Pure: what /api/v1 answers, as Zod schemas. Only the OpenAPI document uses them (the contract tests validate every
// answer against that document), so they describe the DTOs the queries return, field for field.
import { z } from 'zod';
import { apiErrorCodes } from '@/lib/api/errors';

const bilingual = z.object({ zh: z.string(), en: z.string() });
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const instant = z.string().describe('ISO 8601 date-time');

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(apiErrorCodes) as [string, ...string[]]),
    message: bilingual,
    path: z.string().nullable(),
    details: z.array(z.object({ path: z.string().nullable(), message: bilingual })).optional(),
  }),
});

const englishName = z.string().nullable().describe('the English name from the plan file, null where it gives none');
const unitRef = z.object({ id: z.number().int(), name: z.string(), nameEn: englishName, kind: z.string() });

export const planResponseSchema = z.object({
  plan: z.object({ id: z.string(), title: z.string(), region: z.string(), parentDocument: z.string(), periodStart: z.number().int(), periodEnd: z.number().int(), baselineYear: z.number().int(), regionUnitId: z.number().int(), regionEn: englishName }),
  units: z.array(unitRef.extend({ shortName: z.string().nullable(), groups: z.array(z.string()) })),
  groups: z.array(z.object({ id: z.number().int(), name: z.string(), nameEn: englishName, members: z.array(unitRef) })),
  tasks: z.array(
    z.object({
      id: z.number().int(),
      key: z.string(),
      no: z.number().int(),
      isOrganisation: z.boolean(),
      title: z.string(),
      titleEn: englishName,
      text: z.string(),
      section: z.object({ no: z.number().int(), title: z.string(), titleEn: englishName, kind: z.string() }),
      lead: z.array(z.object({ label: z.string(), unitId: z.number().int().nullable(), groupId: z.number().int().nullable() })),
      responsible: z.array(z.object({ label: z.string(), unitId: z.number().int().nullable(), groupId: z.number().int().nullable() })),
      indicatorCodes: z.array(z.string()),
    }),
  ),
  indicators: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      nameEn: z.string(),
      unit: z.string(),
      kind: z.string(),
      frequency: z.string(),
      decimals: z.number().int(),
      category: z.string(),
      baseline: z.object({ year: z.number().int(), value: z.number() }).nullable(),
      milestones: z.array(z.object({ year: z.number().int(), value: z.number(), comparator: z.enum(['gt', 'gte', 'lte']), text: z.string() })),
      reporterUnitIds: z.array(z.number().int()),
      taskNos: z.array(z.number().int()),
    }),
  ),
});

export const valueRowSchema = z.object({
  id: z.number().int(),
  indicator: z.object({ id: z.number().int(), code: z.string() }),
  unit: z.object({ id: z.number().int(), name: z.string() }),
  reporterUnitId: z.number().int(),
  month,
  stage: z.enum(['final', 'provisional']),
  value: z.number(),
  source: z.string(),
  approvedAt: instant.nullable(),
});
export const valuesResponseSchema = z.object({ data: z.array(valueRowSchema), nextCursor: z.string().nullable() });

export const taskProgressResponseSchema = z.object({
  asOf: month,
  tasks: z.array(
    z.object({
      taskId: z.number().int(),
      key: z.string(),
      title: z.string(),
      reports: z.array(z.object({ month, unitName: z.string(), progress: z.enum(['on_track', 'behind', 'done']).nullable(), narrative: z.string().nullable() })),
    }),
  ),
});

export const bulletinListResponseSchema = z.object({ data: z.array(z.object({ month, issue: z.string().nullable(), publishedAt: instant.nullable() })) });
export const bulletinResponseSchema = z.object({
  month,
  publishedAt: instant.nullable(),
  publishedByName: z.string().nullable(),
  foreword: z.string(),
  remarks: z.string(),
  content: z.record(z.string(), z.unknown()).describe('the frozen snapshot of the published bulletin (sections, tables, figures)'),
});

export const registryCountsResponseSchema = z.object({
  kind: z.string(),
  data: z.array(z.object({ month, total: z.number().int(), byUnit: z.array(z.object({ unitId: z.number().int(), count: z.number().int() })) })),
});

export const enterprisesResponseSchema = z.object({
  page: z.number().int(),
  pages: z.number().int(),
  total: z.number().int(),
  data: z.array(
    z.object({
      id: z.number().int(),
      creditCode: z.string(),
      name: z.string(),
      town: z.string().nullable(),
      park: z.string().nullable(),
      clusterTask: z.number().int().nullable(),
      aboveScale: z.boolean(),
      tier: z.string(),
      holds: z.array(z.string()),
      highTechUntil: day.nullable(),
    }),
  ),
});

export const pushValuesResponseSchema = z.object({
  submissionId: z.number().int().nullable(),
  status: z.string(),
  created: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  submitted: z.number().int(),
  values: z.array(z.object({ key: z.string(), id: z.number().int(), status: z.string(), warnings: z.array(z.string()) })),
});

export const registryPushResponseSchema = z.object({
  mode: z.enum(['dryRun', 'commit']),
  committed: z.boolean(),
  counts: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), refused: z.number().int() }),
  rows: z.array(z.object({ row: z.number().int(), creditCode: z.string(), name: z.string(), outcome: z.enum(['created', 'updated', 'unchanged', 'refused']), details: z.array(z.string()) })),
});
