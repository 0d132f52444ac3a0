// Server only. Every function takes the viewer first. The registry list: firms within the viewer's scope, filtered by
// any attribute, each with its tier and the qualifications it holds today; plain DTOs.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { dayFromDate, type Day } from '@/lib/registry/dates';
import { heldOn, tierOf, type Tier } from '@/lib/registry/tier';
import type { QualificationKind } from '@/lib/registry/validity';
import type { EnterpriseFilter } from '@/lib/schemas/registry/filters';
import { registryPlanId, scopedFirms } from '@/lib/queries/registry/scope';

export const PAGE_SIZE = 50;

export interface EnterpriseRowDto {
  id: number;
  creditCode: string;
  name: string;
  town: string | null;
  park: string | null;
  clusterTask: number | null;
  aboveScale: boolean;
  tier: Tier;
  holds: QualificationKind[];
  highTechUntil: Day | null;
  isDemo: boolean;
}

const select = {
  id: true,
  creditCode: true,
  name: true,
  clusterTask: true,
  aboveScale: true,
  isDemo: true,
  town: { select: { name: true } },
  park: { select: { name: true } },
  qualifications: { select: { kind: true, validFrom: true, validUntil: true, endedOn: true } },
} satisfies Prisma.EnterpriseSelect;

type Row = Prisma.EnterpriseGetPayload<{ select: typeof select }>;

function toDto(f: Row, today: Day): EnterpriseRowDto {
  const qualifications = f.qualifications.map((q) => ({ kind: q.kind, validFrom: dayFromDate(q.validFrom), validUntil: q.validUntil ? dayFromDate(q.validUntil) : null, endedOn: q.endedOn ? dayFromDate(q.endedOn) : null }));
  const held = heldOn(qualifications, today);
  const until = qualifications.filter((q) => q.kind === 'high_tech' && q.validFrom <= today && q.validUntil && q.validUntil >= today).map((q) => q.validUntil!).sort().at(-1) ?? null;
  return {
    id: f.id,
    creditCode: f.creditCode,
    name: f.name,
    town: f.town?.name ?? null,
    park: f.park?.name ?? null,
    clusterTask: f.clusterTask,
    aboveScale: f.aboveScale,
    tier: tierOf({ aboveScale: f.aboveScale, qualifications }, today),
    holds: [...held],
    highTechUntil: held.has('high_tech') ? until : null,
    isDemo: f.isDemo,
  };
}

function whereOf(scope: Prisma.EnterpriseWhereInput, filter: EnterpriseFilter, today: Date): Prisma.EnterpriseWhereInput {
  const and: Prisma.EnterpriseWhereInput[] = [scope];
  if (filter.q) and.push({ OR: [{ name: { contains: filter.q } }, { creditCode: { startsWith: filter.q.toUpperCase() } }] });
  if (filter.town) and.push({ townUnitId: filter.town });
  if (filter.park) and.push({ parkUnitId: filter.park });
  if (filter.cluster) and.push({ clusterTask: filter.cluster });
  if (filter.aboveScale) and.push({ aboveScale: filter.aboveScale === 'yes' });
  if (filter.holds) {
    and.push({
      qualifications: {
        some: {
          kind: filter.holds as QualificationKind,
          validFrom: { lte: today },
          OR: [{ validUntil: null }, { validUntil: { gte: today } }],
          AND: [{ OR: [{ endedOn: null }, { endedOn: { gt: today } }] }],
        },
      },
    });
  }
  return { AND: and };
}

/** One page of firms (or all of them for the export), filtered; the tier filter is applied after computing tiers. */
export async function listEnterprises(viewer: Actor, filter: EnterpriseFilter, todayDefault: Day, options: { all?: boolean } = {}): Promise<{ rows: EnterpriseRowDto[]; total: number; page: number; pages: number }> {
  const today = filter.on ?? todayDefault;
  const scope = await scopedFirms(viewer);
  if (!scope) return { rows: [], total: 0, page: 1, pages: 1 };
  const db = await getDb();
  const where = whereOf(scope, filter, new Date(`${today}T00:00:00Z`));
  if (filter.tier || options.all) {
    const rows = (await db.enterprise.findMany({ where, select, orderBy: [{ name: 'asc' }] })).map((f) => toDto(f, today)).filter((r) => !filter.tier || r.tier === filter.tier);
    if (options.all) return { rows, total: rows.length, page: 1, pages: 1 };
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    const page = Math.min(filter.page ?? 1, pages);
    return { rows: rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), total: rows.length, page, pages };
  }
  const total = await db.enterprise.count({ where });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filter.page ?? 1, pages);
  const rows = await db.enterprise.findMany({ where, select, orderBy: [{ name: 'asc' }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE });
  return { rows: rows.map((f) => toDto(f, today)), total, page, pages };
}

/** Towns and parks for the filters: all of the plan's for a district-wide viewer, their own unit otherwise. */
export async function listRegistryUnits(viewer: Actor): Promise<{ towns: { id: number; name: string }[]; parks: { id: number; name: string }[] }> {
  const scope = await scopedFirms(viewer);
  if (!scope) return { towns: [], parks: [] };
  const db = await getDb();
  const planId = await registryPlanId(viewer);
  const units = await db.unit.findMany({
    where: { planId: planId ?? '', kind: { in: ['town', 'park'] }, active: true, ...('OR' in scope && viewer.unitId ? { id: viewer.unitId } : {}) },
    orderBy: { position: 'asc' },
    select: { id: true, name: true, kind: true },
  });
  return { towns: units.filter((u) => u.kind === 'town'), parks: units.filter((u) => u.kind === 'park') };
}
