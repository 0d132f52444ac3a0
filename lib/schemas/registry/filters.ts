// Pure: the registry list's filters (search params of /enterprises and of its xlsx export). `.strict()`.
import { z } from 'zod';
import { qualificationKinds } from '@/lib/registry/validity';
import { tiers } from '@/lib/registry/tier';
import { dayField } from '@/lib/schemas/registry/enterprise';

const blank = (v: unknown) => (v === '' ? undefined : v);
const id = z.preprocess(blank, z.coerce.number({ error: 'validation.number' }).int('validation.number').min(1, 'validation.number').max(2_147_483_647, 'validation.number').optional());

export const enterpriseFilterSchema = z
  .object({
    q: z.preprocess(blank, z.string('validation.filterText').trim().max(60, 'validation.filterText').optional()),
    town: id,
    park: id,
    holds: z.preprocess(blank, z.enum(qualificationKinds as [string, ...string[]], 'validation.qualificationKind').optional()),
    tier: z.preprocess(blank, z.enum(tiers as [string, ...string[]], 'validation.filterText').optional()),
    cluster: z.preprocess(blank, z.coerce.number({ error: 'validation.clusterTask' }).int('validation.clusterTask').min(7, 'validation.clusterTask').max(11, 'validation.clusterTask').optional()),
    aboveScale: z.preprocess(blank, z.enum(['yes', 'no'], 'validation.filterText').optional()),
    /** The day holdings and tiers are judged on (default today): the list behind a month's registry count. */
    on: z.preprocess(blank, dayField.optional()),
    page: z.preprocess(blank, z.coerce.number({ error: 'validation.number' }).int('validation.number').min(1, 'validation.number').max(10_000, 'validation.number').optional()),
    format: z.preprocess(blank, z.enum(['xlsx'], 'validation.filterText').optional()),
  })
  .strict();
export type EnterpriseFilter = z.infer<typeof enterpriseFilterSchema>;

export const enterpriseIdSchema = z.object({ id: z.coerce.number({ error: 'validation.number' }).int('validation.number').min(1, 'validation.number').max(2_147_483_647, 'validation.number') }).strict();
