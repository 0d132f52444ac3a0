// Pure: what an import would do, row by row, given what is stored. The same plan is shown as the dry-run preview
// and, recomputed inside the writing transaction, becomes the writes: upsert by credit code, so importing the same
// file twice changes nothing the second time.
import type { Day } from '@/lib/registry/dates';
import type { ImportRow, ListKind, RowCheck } from '@/lib/registry/import-columns';
import { spanFor } from '@/lib/registry/validity';

export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'refused';

export interface StoredFirm {
  id: number;
  version: number;
  name: string;
  townUnitId: number | null;
  parkUnitId: number | null;
  clusterTask: number | null;
  aboveScale: boolean;
  foundedOn: Day | null;
}

export interface StoredQualification {
  validFrom: Day;
  certificateNo: string | null;
  level: string | null;
}

export interface StoredFinancial {
  revenue: number | null;
  rdSpending: number | null;
  highTechRevenue: number | null;
  staff: number | null;
  rdStaff: number | null;
  grantedIp: number | null;
}

export interface StoredState {
  firms: ReadonlyMap<string, StoredFirm>;
  /** `${enterpriseId}|${year}` → the stored qualification of the list's kind. */
  qualifications: ReadonlyMap<string, StoredQualification>;
  /** `${enterpriseId}|${year}` → stored yearly figures. */
  financials: ReadonlyMap<string, StoredFinancial>;
}

export interface PlannedRow {
  row: number;
  creditCode: string;
  name: string;
  outcome: RowOutcome;
  /** Fields that change (updated) or the reasons (refused). */
  details: string[];
}

export interface FirmWrite {
  creditCode: string;
  name: string;
  townUnitId: number | null;
  parkUnitId: number | null;
  clusterTask: number | null;
  aboveScale: boolean;
  foundedOn: Day | null;
}

export interface ImportPlan {
  rows: PlannedRow[];
  counts: Record<RowOutcome, number>;
  newFirms: FirmWrite[];
  firmUpdates: (FirmWrite & { id: number; version: number })[];
  qualifications: { creditCode: string; year: number; validFrom: Day; validUntil: Day | null; certificateNo: string | null; level: string | null }[];
  financials: ({ creditCode: string; year: number } & StoredFinancial)[];
}

const firmKeys = ['name', 'townUnitId', 'parkUnitId', 'clusterTask', 'aboveScale', 'foundedOn'] as const;
const financialKeys = ['revenue', 'rdSpending', 'highTechRevenue', 'staff', 'rdStaff', 'grantedIp'] as const;

export function planImport(list: ListKind, checks: Iterable<RowCheck>, stored: StoredState): ImportPlan {
  const plan: ImportPlan = { rows: [], counts: { created: 0, updated: 0, unchanged: 0, refused: 0 }, newFirms: [], firmUpdates: [], qualifications: [], financials: [] };
  const seen = new Map<string, number>();
  const push = (r: PlannedRow) => {
    plan.rows.push(r);
    plan.counts[r.outcome] += 1;
  };

  for (const check of checks) {
    if (!check.ok) {
      push({ row: check.row, creditCode: check.creditCode ?? '', name: check.name ?? '', outcome: 'refused', details: check.reasons });
      continue;
    }
    const row: ImportRow = check.row;
    const earlier = seen.get(row.creditCode);
    if (earlier !== undefined) {
      push({ row: row.row, creditCode: row.creditCode, name: row.name, outcome: 'refused', details: [`与第 ${earlier} 行的统一社会信用代码重复`] });
      continue;
    }
    seen.set(row.creditCode, row.row);

    const firm = stored.firms.get(row.creditCode);
    const merged: FirmWrite = {
      creditCode: row.creditCode,
      name: row.name,
      townUnitId: row.townUnitId !== undefined ? row.townUnitId : (firm?.townUnitId ?? null),
      parkUnitId: row.parkUnitId !== undefined ? row.parkUnitId : (firm?.parkUnitId ?? null),
      clusterTask: row.clusterTask !== undefined ? row.clusterTask : (firm?.clusterTask ?? null),
      aboveScale: row.aboveScale !== undefined ? row.aboveScale : (firm?.aboveScale ?? false),
      foundedOn: row.foundedOn !== undefined ? row.foundedOn : (firm?.foundedOn ?? null),
    };
    const changes: string[] = [];
    if (firm) {
      for (const key of firmKeys) if (merged[key] !== firm[key]) changes.push(key);
      if (changes.length > 0) plan.firmUpdates.push({ ...merged, id: firm.id, version: firm.version });
    } else {
      plan.newFirms.push(merged);
    }

    if (row.qualification && list !== 'enterprises') {
      const q = row.qualification;
      const existing = firm ? stored.qualifications.get(`${firm.id}|${q.year}`) : undefined;
      const differs = !existing || existing.validFrom !== q.validFrom || existing.certificateNo !== q.certificateNo || existing.level !== q.level;
      if (differs) {
        const span = spanFor(list, q.year, q.validFrom);
        plan.qualifications.push({ creditCode: row.creditCode, year: q.year, validFrom: q.validFrom, validUntil: span.validUntil, certificateNo: q.certificateNo, level: q.level });
        if (firm) changes.push(existing ? 'qualification' : 'qualification.new');
      }
    }
    if (row.financial) {
      const f = row.financial;
      const existing = firm ? stored.financials.get(`${firm.id}|${f.year}`) : undefined;
      if (!existing || financialKeys.some((k) => existing[k] !== f[k])) {
        plan.financials.push({ creditCode: row.creditCode, ...f });
        if (firm) changes.push('financial');
      }
    }
    push({ row: row.row, creditCode: row.creditCode, name: row.name, outcome: firm ? (changes.length > 0 ? 'updated' : 'unchanged') : 'created', details: changes });
  }
  return plan;
}
