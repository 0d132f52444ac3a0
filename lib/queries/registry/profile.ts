// Server only. Every function takes the viewer first. A firm's profile (精准画像): its qualifications over time, its
// tier today, the tasks and clusters it counts toward. Outside the viewer's scope it does not exist (NotFound).
import 'server-only';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { dayFromDate, type Day } from '@/lib/registry/dates';
import { tierOf, type Tier } from '@/lib/registry/tier';
import { isInForce, lastDayInForce, type QualificationKind } from '@/lib/registry/validity';
import { scopedFirms } from '@/lib/queries/registry/scope';

export interface QualificationDto {
  id: number;
  version: number;
  kind: QualificationKind;
  year: number;
  level: string | null;
  certificateNo: string | null;
  validFrom: Day;
  lastDay: Day | null;
  endedOn: Day | null;
  inForce: boolean;
  renewal: boolean;
}

export interface EnterpriseProfileDto {
  id: number;
  creditCode: string;
  name: string;
  town: string | null;
  park: string | null;
  townUnitId: number | null;
  parkUnitId: number | null;
  cluster: { no: number; title: string } | null;
  aboveScale: boolean;
  foundedOn: Day | null;
  isDemo: boolean;
  version: number;
  tier: Tier;
  qualifications: QualificationDto[];
  /** Indicator codes whose registry count includes this firm today. */
  countsToward: string[];
  financials: { year: number; revenue: number | null; rdSpending: number | null; highTechRevenue: number | null; staff: number | null; rdStaff: number | null; grantedIp: number | null }[];
}

const num = (v: { toString(): string } | null) => (v === null ? null : Number(v.toString()));

export async function getEnterpriseProfile(viewer: Actor, id: number, today: Day): Promise<EnterpriseProfileDto> {
  const scope = await scopedFirms(viewer);
  if (!scope) throw new NotFoundError();
  const db = await getDb();
  const firm = await db.enterprise.findFirst({
    where: { AND: [scope, { id }] },
    include: { town: true, park: true, qualifications: { orderBy: [{ kind: 'asc' }, { validFrom: 'asc' }] }, financials: { orderBy: { year: 'desc' } } },
  });
  if (!firm) throw new NotFoundError('企业不存在或不在您的查看范围内', 'No such firm within what you may see');
  const task = firm.clusterTask && firm.town ? await db.task.findFirst({ where: { planId: firm.town.planId, no: firm.clusterTask, isOrganisation: false }, select: { no: true, title: true } }) : null;
  const qualifications: QualificationDto[] = firm.qualifications.map((q) => {
    const span = { validFrom: dayFromDate(q.validFrom), validUntil: q.validUntil ? dayFromDate(q.validUntil) : null, endedOn: q.endedOn ? dayFromDate(q.endedOn) : null };
    return { id: q.id, version: q.version, kind: q.kind, year: q.year, level: q.level, certificateNo: q.certificateNo, validFrom: span.validFrom, lastDay: lastDayInForce(span), endedOn: span.endedOn, inForce: isInForce(span, today), renewal: q.renewalOfId !== null };
  });
  const spans = qualifications.map((q) => ({ kind: q.kind, validFrom: q.validFrom, validUntil: q.lastDay, endedOn: null }));
  const tier = tierOf({ aboveScale: firm.aboveScale, qualifications: spans }, today);
  const holds = new Set(qualifications.filter((q) => q.inForce).map((q) => q.kind));
  const countsToward = [
    ...(holds.has('high_tech') ? ['high_tech_enterprises'] : []),
    ...(holds.has('high_tech') && firm.aboveScale ? ['above_scale_high_tech'] : []),
    ...(holds.has('tech_sme') ? ['tech_smes'] : []),
  ];
  return {
    id: firm.id,
    creditCode: firm.creditCode,
    name: firm.name,
    town: firm.town?.name ?? null,
    park: firm.park?.name ?? null,
    townUnitId: firm.townUnitId,
    parkUnitId: firm.parkUnitId,
    cluster: task ? { no: task.no, title: task.title } : firm.clusterTask ? { no: firm.clusterTask, title: '' } : null,
    aboveScale: firm.aboveScale,
    foundedOn: firm.foundedOn ? dayFromDate(firm.foundedOn) : null,
    isDemo: firm.isDemo,
    version: firm.version,
    tier,
    qualifications,
    countsToward,
    financials: firm.financials.map((f) => ({ year: f.year, revenue: num(f.revenue), rdSpending: num(f.rdSpending), highTechRevenue: num(f.highTechRevenue), staff: f.staff, rdStaff: f.rdStaff, grantedIp: f.grantedIp })),
  };
}
