// Server only. Every function takes the viewer first. The firms of the viewer's scope with everything the pipeline and
// the gap view judge them on (qualifications, size, founding day, yearly figures), each assessed against the
// 高新技术企业认定 criteria in force (table HighTechCriteria) by the pure rule of lib/registry/high-tech-criteria.ts.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { dayFromDate, type Day } from '@/lib/registry/dates';
import { assessCandidate, criteriaInForce, type CandidateAssessment, type HighTechCriteria, type YearFigures } from '@/lib/registry/high-tech-criteria';
import type { QualificationKind, Span } from '@/lib/registry/validity';
import { scopedFirms } from '@/lib/queries/registry/scope';

const num = (v: { toString(): string } | null) => (v === null ? null : Number(v.toString()));

export async function listHighTechCriteria(): Promise<HighTechCriteria[]> {
  const db = await getDb();
  const rows = await db.highTechCriteria.findMany({ orderBy: { effectiveFrom: 'asc' } });
  return rows.map((r) => ({
    documentNo: r.documentNo,
    title: r.title,
    source: r.source,
    effectiveFrom: dayFromDate(r.effectiveFrom),
    rdShareSmall: Number(r.rdShareSmall),
    smallBandMax: Number(r.smallBandMax),
    rdShareMid: Number(r.rdShareMid),
    midBandMax: Number(r.midBandMax),
    rdShareLarge: Number(r.rdShareLarge),
    highTechRevenueShare: Number(r.highTechRevenueShare),
    rdStaffShare: Number(r.rdStaffShare),
    minGrantedIp: r.minGrantedIp,
    minYearsFounded: r.minYearsFounded,
    nearMargin: Number(r.nearMargin),
  }));
}

export interface AssessedFirm {
  id: number;
  creditCode: string;
  name: string;
  townUnitId: number | null;
  parkUnitId: number | null;
  town: string | null;
  park: string | null;
  aboveScale: boolean;
  qualifications: (Span & { kind: QualificationKind })[];
  latestRevenue: number | null;
  assessment: CandidateAssessment;
}

/** Every firm in scope, assessed on `day`; `criteria` null when no version is in force (every verdict unknown). */
export async function loadAssessedFirms(viewer: Actor, day: Day): Promise<{ firms: AssessedFirm[]; criteria: HighTechCriteria | null }> {
  const scope = await scopedFirms(viewer);
  const criteria = criteriaInForce(await listHighTechCriteria(), day);
  if (!scope) return { firms: [], criteria };
  const db = await getDb();
  const rows = await db.enterprise.findMany({
    where: scope,
    orderBy: { id: 'asc' },
    select: {
      id: true,
      creditCode: true,
      name: true,
      townUnitId: true,
      parkUnitId: true,
      aboveScale: true,
      foundedOn: true,
      town: { select: { name: true } },
      park: { select: { name: true } },
      qualifications: { select: { kind: true, validFrom: true, validUntil: true, endedOn: true } },
      financials: true,
    },
  });
  const firms = rows.map((f): AssessedFirm => {
    const figures: YearFigures[] = f.financials.map((x) => ({ year: x.year, revenue: num(x.revenue), rdSpending: num(x.rdSpending), highTechRevenue: num(x.highTechRevenue), staff: x.staff, rdStaff: x.rdStaff, grantedIp: x.grantedIp }));
    const foundedOn = f.foundedOn ? dayFromDate(f.foundedOn) : null;
    const latest = figures.filter((x) => x.year < Number(day.slice(0, 4))).sort((a, b) => b.year - a.year)[0];
    return {
      id: f.id,
      creditCode: f.creditCode,
      name: f.name,
      townUnitId: f.townUnitId,
      parkUnitId: f.parkUnitId,
      town: f.town?.name ?? null,
      park: f.park?.name ?? null,
      aboveScale: f.aboveScale,
      qualifications: f.qualifications.map((q) => ({ kind: q.kind, validFrom: dayFromDate(q.validFrom), validUntil: q.validUntil ? dayFromDate(q.validUntil) : null, endedOn: q.endedOn ? dayFromDate(q.endedOn) : null })),
      latestRevenue: latest?.revenue ?? null,
      assessment: criteria ? assessCandidate(criteria, { foundedOn, figures }, day) : { verdict: 'unknown', checks: [], band: null, closeness: null },
    };
  });
  return { firms, criteria };
}
