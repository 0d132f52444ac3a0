// Server only. Every function takes the acting user first. The demo registry: synthetic firms (isDemo) that agree
// with the demo figures, in the plan's registry, replaced by every demo seed of that plan and deleted by
// `npm run demo:remove`.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { systemClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { ForbiddenError } from '@/lib/errors';
import { insertFirms } from '@/lib/mutations/registry/store';
import { canManageDemoData } from '@/lib/permissions';
import type { Month } from '@/lib/periods';
import type { PlanFile } from '@/lib/plan/plan-file-schema';
import { generateDemoRegistry } from '@/lib/registry/demo-registry';

export async function seedDemoRegistry(actor: Actor, plan: PlanFile, through: Month, clock: Clock = systemClock): Promise<{ firms: number; qualifications: number }> {
  if (!canManageDemoData(actor)) throw new ForbiddenError();
  const now = clock();
  const db = await getDb();
  const units = new Map((await db.unit.findMany({ where: { planId: plan.id }, select: { id: true, name: true } })).map((u) => [u.name, u.id]));
  const firms = generateDemoRegistry(plan, through);
  return db.$transaction(
    async (tx) => {
      await tx.enterprise.deleteMany({ where: { isDemo: true, planId: plan.id } });
      const ids = await insertFirms(
        tx,
        plan.id,
        firms.map((f) => ({
          creditCode: f.creditCode,
          name: f.name,
          townUnitId: units.get(f.town) ?? null,
          parkUnitId: f.park ? (units.get(f.park) ?? null) : null,
          clusterTask: f.clusterTask,
          aboveScale: f.aboveScale,
          foundedOn: f.foundedOn,
        })),
        true,
        null,
        now,
      );
      const qualifications = firms.flatMap((f) => f.qualifications.map((q) => ({ ...q, enterpriseId: ids.get(f.creditCode)! })));
      await tx.$executeRawUnsafe(
        `INSERT INTO "Qualification" ("enterpriseId", kind, year, level, "certificateNo", "validFrom", "validUntil", "endedOn", "isDemo", "updatedAt", "createdAt")
         SELECT x."enterpriseId", x.kind::"QualificationKind", x.year, x.level, x."certificateNo", x."validFrom", x."validUntil", x."endedOn", true, $2::timestamptz, $2::timestamptz
           FROM jsonb_to_recordset($1::jsonb) AS x("enterpriseId" int, kind text, year int, level text, "certificateNo" text, "validFrom" date, "validUntil" date, "endedOn" date)`,
        JSON.stringify(qualifications),
        now,
      );
      await tx.$executeRawUnsafe(
        `UPDATE "Qualification" q SET "renewalOfId" = p.id FROM "Qualification" p
          WHERE q."isDemo" AND q.kind = 'high_tech' AND p."enterpriseId" = q."enterpriseId" AND p.kind = q.kind AND p.year = q.year - 3`,
      );
      const financials = firms.filter((f) => f.financial).map((f) => ({ ...f.financial!, enterpriseId: ids.get(f.creditCode)! }));
      await tx.$executeRawUnsafe(
        `INSERT INTO "EnterpriseFinancial" ("enterpriseId", year, revenue, "rdSpending", "highTechRevenue", staff, "rdStaff", "grantedIp")
         SELECT x."enterpriseId", x.year, x.revenue, x."rdSpending", x."highTechRevenue", x.staff, x."rdStaff", x."grantedIp"
           FROM jsonb_to_recordset($1::jsonb) AS x("enterpriseId" int, year int, revenue numeric, "rdSpending" numeric, "highTechRevenue" numeric, staff int, "rdStaff" int, "grantedIp" int)`,
        JSON.stringify(financials),
      );
      await recordAudit(tx, actor, { event: 'demo.seeded', targetType: 'registry', targetId: plan.id, after: { firms: firms.length, qualifications: qualifications.length, through } });
      return { firms: firms.length, qualifications: qualifications.length };
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}
