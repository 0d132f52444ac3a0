// Server only. The registry's transaction steps shared by its mutations: reading what is stored in the shape the
// pure planner wants, and writing many rows with one statement each (a JSON parameter expanded by
// jsonb_to_recordset: one bind value whatever the row count, the same on PostgreSQL and PGlite).
import 'server-only';
import { systemClock } from '@/lib/clock';
import type { Db } from '@/lib/db/client';
import { ConflictError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { dayFromDate } from '@/lib/registry/dates';
import type { FirmWrite, ImportPlan, StoredFinancial, StoredFirm, StoredQualification, StoredState } from '@/lib/registry/import-plan';
import type { UnitNames } from '@/lib/registry/import-columns';
import type { QualificationKind } from '@/lib/registry/validity';

export type Tx = Prisma.TransactionClient | Db;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(String(v)));

/**
 * Rows per statement: large lists are written in chunks of this many (still one transaction), so no single JSON
 * parameter, and no copy of it in the driver, grows with the list.
 */
export const WRITE_CHUNK = 5_000;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) out.push(rows.slice(i, i + WRITE_CHUNK));
  return out;
}

/** The plan's towns and parks by name and short name, for the lists' 镇街 / 园区 columns. */
export async function loadUnitNames(tx: Tx, planId: string): Promise<UnitNames> {
  const units = await tx.unit.findMany({ where: { planId, kind: { in: ['town', 'park'] }, active: true }, select: { id: true, name: true, shortName: true, kind: true } });
  const towns = new Map<string, number>();
  const parks = new Map<string, number>();
  for (const u of units) {
    const map = u.kind === 'town' ? towns : parks;
    map.set(u.name, u.id);
    if (u.shortName) map.set(u.shortName, u.id);
    // 科学城北碚片区管委会 is written 科学城北碚片区 in most lists.
    if (u.kind === 'park' && u.name.endsWith('管委会')) map.set(u.name.slice(0, -3), u.id);
  }
  return { towns, parks };
}

/**
 * Everything the planner compares against: every firm of the plan's registry, and their qualifications of the list's
 * kind or their yearly figures. Another plan's firm with the same credit code is not a duplicate: it is another
 * district's row.
 */
export async function loadStoredState(tx: Tx, planId: string, kind: QualificationKind | null): Promise<StoredState> {
  const firms = await tx.enterprise.findMany({
    where: { planId },
    select: { id: true, version: true, creditCode: true, name: true, townUnitId: true, parkUnitId: true, clusterTask: true, aboveScale: true, foundedOn: true },
  });
  const byCode = new Map<string, StoredFirm>();
  for (const f of firms) byCode.set(f.creditCode, { ...f, foundedOn: f.foundedOn ? dayFromDate(f.foundedOn) : null });
  const qualifications = new Map<string, StoredQualification>();
  const financials = new Map<string, StoredFinancial>();
  // Each of the plan's firms probed by its key (a lateral subquery kept a probe by OFFSET 0): joined instead, PostgreSQL
  // may scan every plan's rows, a cost that grows with every district sharing the database.
  if (kind) {
    const rows = await tx.$queryRawUnsafe<{ enterpriseId: number; year: number; validFrom: Date; certificateNo: string | null; level: string | null }[]>(
      `SELECT q."enterpriseId", q.year, q."validFrom", q."certificateNo", q.level
         FROM "Enterprise" e
         CROSS JOIN LATERAL (SELECT * FROM "Qualification" q WHERE q."enterpriseId" = e.id AND q.kind::text = $2 OFFSET 0) q
        WHERE e."planId" = $1`,
      planId,
      kind,
    );
    for (const q of rows) qualifications.set(`${q.enterpriseId}|${q.year}`, { validFrom: dayFromDate(q.validFrom), certificateNo: q.certificateNo, level: q.level });
  } else {
    const rows = await tx.$queryRawUnsafe<{ enterpriseId: number; year: number; revenue: unknown; rdSpending: unknown; highTechRevenue: unknown; staff: number | null; rdStaff: number | null; grantedIp: number | null }[]>(
      `SELECT f."enterpriseId", f.year, f.revenue, f."rdSpending", f."highTechRevenue", f.staff, f."rdStaff", f."grantedIp"
         FROM "Enterprise" e
         CROSS JOIN LATERAL (SELECT * FROM "EnterpriseFinancial" f WHERE f."enterpriseId" = e.id OFFSET 0) f
        WHERE e."planId" = $1`,
      planId,
    );
    for (const f of rows) {
      financials.set(`${f.enterpriseId}|${f.year}`, {
        revenue: num(f.revenue),
        rdSpending: num(f.rdSpending),
        highTechRevenue: num(f.highTechRevenue),
        staff: f.staff,
        rdStaff: f.rdStaff,
        grantedIp: f.grantedIp,
      });
    }
  }
  return { firms: byCode, qualifications, financials };
}

const firmColumns = `"creditCode" text, name text, "townUnitId" int, "parkUnitId" int, "clusterTask" int, "aboveScale" boolean, "foundedOn" date`;

/** Inserts new firms into the plan's registry; returns credit code → id. */
export async function insertFirms(tx: Tx, planId: string, firms: FirmWrite[], isDemo: boolean, actorId: number | null, now: Date = systemClock()): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const chunk of chunks(firms)) {
    const rows = await tx.$queryRawUnsafe<{ id: number; creditCode: string }[]>(
      `INSERT INTO "Enterprise" ("planId", "creditCode", name, "townUnitId", "parkUnitId", "clusterTask", "aboveScale", "foundedOn", "isDemo", "updatedById", "updatedAt", "createdAt")
     SELECT $5, x."creditCode", x.name, x."townUnitId", x."parkUnitId", x."clusterTask", x."aboveScale", x."foundedOn", $2, $3, $4::timestamptz, $4::timestamptz
       FROM jsonb_to_recordset($1::jsonb) AS x(${firmColumns})
     RETURNING id, "creditCode"`,
      JSON.stringify(chunk),
      isDemo,
      actorId,
      now,
      planId,
    );
    for (const r of rows) ids.set(r.creditCode, r.id);
  }
  return ids;
}

/** Version-checked bulk update: a firm changed by someone else since it was read fails the whole import. */
export async function updateFirms(tx: Tx, firms: ImportPlan['firmUpdates'], actorId: number | null, now: Date = systemClock()): Promise<void> {
  let count = 0;
  for (const chunk of chunks(firms)) {
    count += await tx.$executeRawUnsafe(
      `UPDATE "Enterprise" e SET name = x.name, "townUnitId" = x."townUnitId", "parkUnitId" = x."parkUnitId", "clusterTask" = x."clusterTask",
            "aboveScale" = x."aboveScale", "foundedOn" = x."foundedOn", version = e.version + 1, "updatedAt" = $3::timestamptz, "updatedById" = $2
       FROM jsonb_to_recordset($1::jsonb) AS x(id int, version int, ${firmColumns})
      WHERE e.id = x.id AND e.version = x.version`,
      JSON.stringify(chunk),
      actorId,
      now,
    );
  }
  if (count !== firms.length) throw new ConflictError('导入期间有企业信息被他人修改，请重新预览后再导入', 'Firms were changed by someone else during the import; preview again');
}

/** Upserts qualifications by (firm, kind, year); a changed row's version moves. */
export async function upsertQualifications(tx: Tx, kind: QualificationKind, rows: ImportPlan['qualifications'], ids: ReadonlyMap<string, number>, isDemo: boolean, now: Date = systemClock()): Promise<void> {
  if (rows.length === 0) return;
  for (const chunk of chunks(rows)) {
    const data = chunk.map((q) => ({ ...q, enterpriseId: ids.get(q.creditCode)! }));
    await tx.$executeRawUnsafe(
      `INSERT INTO "Qualification" ("enterpriseId", kind, year, "validFrom", "validUntil", "certificateNo", level, "isDemo", "updatedAt", "createdAt")
     SELECT x."enterpriseId", $2::"QualificationKind", x.year, x."validFrom", x."validUntil", x."certificateNo", x.level, $3, $4::timestamptz, $4::timestamptz
       FROM jsonb_to_recordset($1::jsonb) AS x("enterpriseId" int, year int, "validFrom" date, "validUntil" date, "certificateNo" text, level text)
     ON CONFLICT ("enterpriseId", kind, year) DO UPDATE
        SET "validFrom" = excluded."validFrom", "validUntil" = excluded."validUntil", "certificateNo" = excluded."certificateNo",
            level = excluded.level, version = "Qualification".version + 1, "updatedAt" = $4::timestamptz`,
      JSON.stringify(data),
      kind,
      isDemo,
      now,
    );
  }
  // A certificate follows the firm's previous one of the same kind: the chain is the firm's history. Only the firms
  // this list wrote can have gained a link (by the (enterpriseId, kind, year) key, not a pass over the whole table).
  const written = [...new Set(rows.map((q) => ids.get(q.creditCode)!))];
  await tx.$executeRawUnsafe(
    `UPDATE "Qualification" q SET "renewalOfId" = (
        SELECT p.id FROM "Qualification" p WHERE p."enterpriseId" = q."enterpriseId" AND p.kind = q.kind AND p.year < q.year ORDER BY p.year DESC LIMIT 1)
      WHERE q."enterpriseId" = ANY($2::int[]) AND q.kind = $1::"QualificationKind" AND q."renewalOfId" IS NULL
        AND EXISTS (SELECT 1 FROM "Qualification" p WHERE p."enterpriseId" = q."enterpriseId" AND p.kind = q.kind AND p.year < q.year)`,
    kind,
    written,
  );
}

export async function upsertFinancials(tx: Tx, rows: ImportPlan['financials'], ids: ReadonlyMap<string, number>): Promise<void> {
  for (const chunk of chunks(rows)) {
    const data = chunk.map((f) => ({ ...f, enterpriseId: ids.get(f.creditCode)! }));
    await tx.$executeRawUnsafe(
      `INSERT INTO "EnterpriseFinancial" ("enterpriseId", year, revenue, "rdSpending", "highTechRevenue", staff, "rdStaff", "grantedIp")
     SELECT x."enterpriseId", x.year, x.revenue, x."rdSpending", x."highTechRevenue", x.staff, x."rdStaff", x."grantedIp"
       FROM jsonb_to_recordset($1::jsonb) AS x("enterpriseId" int, year int, revenue numeric, "rdSpending" numeric, "highTechRevenue" numeric, staff int, "rdStaff" int, "grantedIp" int)
     ON CONFLICT ("enterpriseId", year) DO UPDATE
        SET revenue = excluded.revenue, "rdSpending" = excluded."rdSpending", "highTechRevenue" = excluded."highTechRevenue",
            staff = excluded.staff, "rdStaff" = excluded."rdStaff", "grantedIp" = excluded."grantedIp", version = "EnterpriseFinancial".version + 1`,
      JSON.stringify(data),
    );
  }
}

/** Writes a whole import plan into a district plan's registry: new firms first (their ids are needed by the qualification and figure rows). */
export async function writePlan(
  tx: Tx,
  planId: string,
  kind: QualificationKind | null,
  plan: ImportPlan,
  stored: StoredState,
  options: { isDemo: boolean; actorId: number | null; afterFirms?: () => Promise<void> | void },
): Promise<void> {
  const created = await insertFirms(tx, planId, plan.newFirms, options.isDemo, options.actorId);
  await options.afterFirms?.();
  await updateFirms(tx, plan.firmUpdates, options.actorId);
  const ids = new Map(created);
  for (const [code, firm] of stored.firms) ids.set(code, firm.id);
  if (kind) await upsertQualifications(tx, kind, plan.qualifications, ids, options.isDemo);
  await upsertFinancials(tx, plan.financials, ids);
}
