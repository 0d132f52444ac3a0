// What bench/scale.ts loads: synthetic district plans derived from the bundled one, their figures copied from
// Beibei's demo figures in one INSERT … SELECT per district, and enterprises in multi-row batches (unnest arrays).
import type pg from 'pg';
import type { PlanFile } from '@/lib/plan/plan-file-schema';
import { makeCreditCode } from '@/lib/registry/credit-code';

/** Every string equal to a key of `names` replaced, anywhere in the tree (unit names are referenced by value). */
function rename<T>(value: T, names: Map<string, string>): T {
  if (typeof value === 'string') return (names.get(value) ?? value) as T;
  if (Array.isArray(value)) return value.map((v) => rename(v, names)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rename(v, names)])) as T;
  return value;
}

/** District `n`: another id, region and unit names (towns and parks numbered), targets scaled by 0.6–1.5. */
export function syntheticPlan(bundled: PlanFile, n: number): PlanFile {
  const region = `合成第${n}区`;
  const names = new Map<string, string>();
  for (const u of bundled.units) if (u.kind === 'town' || u.kind === 'park') names.set(u.name, `${u.name.replace(/(街道|镇|园区|管委会)$/, '')}${n}${u.name.match(/(街道|镇|园区|管委会)$/)?.[1] ?? ''}`);
  names.set(bundled.region, region);
  const plan = rename(structuredClone(bundled), names);
  const factor = 0.6 + ((n * 37) % 90) / 100;
  plan.id = `synthetic-${String(n).padStart(2, '0')}-2023-2027`;
  plan.title = bundled.title.replaceAll('北碚区', region).replaceAll('北碚', region);
  plan.region = region;
  for (const ind of plan.indicators) {
    const scale = (v: number) => (ind.unit === '%' || ind.unit === '位' ? v : Math.max(1, Number((v * factor).toFixed(ind.decimals))));
    if (ind.baseline) ind.baseline = { ...ind.baseline, value: scale(ind.baseline.value) };
    ind.milestones = ind.milestones.map((m) => ({ ...m, value: scale(m.value) }));
  }
  return plan;
}

/**
 * Figures for plan `toPlan`: Beibei's approved figures mapped by indicator code and unit position, scaled by
 * `factor`, and repeated back 46 and 92 months so that ten years (2017-01 on) are filled. For Beibei itself
 * (`toPlan` = `fromPlan`) only the repeats are added.
 */
export async function growValues(raw: pg.Client, fromPlan: string, toPlan: string, factor: number, n: number): Promise<number> {
  const shifts = fromPlan === toPlan ? [46, 92] : [0, 46, 92];
  let rows = 0;
  for (const shift of shifts) {
    const res = await raw.query(
      `INSERT INTO "IndicatorValue" ("indicatorId", "unitId", "reporterUnitId", month, stage, value, source, status, "isDemo", "updatedAt", "submittedAt", "approvedAt", warnings)
       SELECT di.id, du.id, dr.id, to_char(to_date(v.month, 'YYYY-MM') - make_interval(months => $3::int), 'YYYY-MM'), v.stage,
              round(v.value * $4::numeric * (1 + ((v.id * $5::int) % 7 - 3) / 100.0), 4), v.source, 'approved', false, now(), now(), now(), '{}'
       FROM "IndicatorValue" v
       JOIN "Indicator" si ON si.id = v."indicatorId" AND si."planId" = $1
       JOIN "Indicator" di ON di."planId" = $2 AND di.code = si.code
       JOIN "Unit" su ON su.id = v."unitId" JOIN "Unit" du ON du."planId" = $2 AND du.position = su.position
       JOIN "Unit" sr ON sr.id = v."reporterUnitId" JOIN "Unit" dr ON dr."planId" = $2 AND dr.position = sr.position
       WHERE v.status = 'approved' AND v."isDemo" AND to_date(v.month, 'YYYY-MM') - make_interval(months => $3::int) >= DATE '2017-01-01'
       ON CONFLICT DO NOTHING`,
      [fromPlan, toPlan, shift, factor, n],
    );
    rows += res.rowCount ?? 0;
  }
  return rows;
}

/**
 * Enterprises up to `total` (the demo registry's included), each in one synthetic district's registry (its plan, and
 * a town and maybe a park of that plan), a third 高新. The bundled plan keeps its demo registry: the city grows around
 * Beibei, whose own registry stays the size it is at 1×.
 */
export async function growEnterprises(raw: pg.Client, total: number, bundledPlan: string): Promise<number> {
  const [{ n: have }] = (await raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Enterprise"`)).rows;
  const units = (await raw.query<{ id: number; planId: string; kind: string }>(`SELECT id, "planId", kind FROM "Unit" WHERE kind IN ('town', 'park') AND "planId" <> $1 ORDER BY "planId", id`, [bundledPlan])).rows;
  const plans = [...new Set(units.map((u) => u.planId))].map((planId) => ({
    planId,
    towns: units.filter((u) => u.planId === planId && u.kind === 'town').map((u) => u.id),
    parks: units.filter((u) => u.planId === planId && u.kind === 'park').map((u) => u.id),
  }));
  if (plans.length === 0) return 0;
  const [{ start }] = (await raw.query<{ start: number }>(`SELECT coalesce(max(id), 0)::int AS start FROM "Enterprise"`)).rows;
  const BATCH = 20_000;
  for (let from = have; from < total; from += BATCH) {
    const count = Math.min(BATCH, total - from);
    const planIds: string[] = [];
    const codes: string[] = [];
    const names: string[] = [];
    const townIds: number[] = [];
    const parkIds: (number | null)[] = [];
    const clusters: (number | null)[] = [];
    const above: boolean[] = [];
    for (let i = from; i < from + count; i++) {
      const plan = plans[i % plans.length];
      const k = Math.floor(i / plans.length);
      planIds.push(plan.planId);
      codes.push(makeCreditCode('91', '510100', `MB${String(i).padStart(7, '0')}`));
      names.push(`合成企业${i}有限公司`);
      townIds.push(plan.towns[k % plan.towns.length]);
      parkIds.push(i % 4 === 0 && plan.parks.length > 0 ? plan.parks[k % plan.parks.length] : null);
      clusters.push(i % 5 === 0 ? 7 + (i % 5) : null);
      above.push(i % 6 === 0);
    }
    await raw.query(
      `INSERT INTO "Enterprise" ("planId", "creditCode", name, "townUnitId", "parkUnitId", "clusterTask", "aboveScale", "foundedOn", "updatedAt")
       SELECT pl, c, n, t, p, k, a, DATE '2010-01-01' + (row_number() OVER () % 5000)::int, now()
       FROM unnest($7::text[], $1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::boolean[]) AS x(pl, c, n, t, p, k, a)
       ON CONFLICT ("planId", "creditCode") DO NOTHING`,
      [codes, names, townIds, parkIds, clusters, above, planIds],
    );
  }
  await raw.query(
    `INSERT INTO "Qualification" ("enterpriseId", kind, year, "certificateNo", "validFrom", "validUntil", "updatedAt")
     SELECT id, 'high_tech', 2021 + id % 5, 'GR' || id, make_date(2021 + id % 5, 1 + id % 12, 1), make_date(2024 + id % 5, 1 + id % 12, 1), now()
     FROM "Enterprise" WHERE id > $1 AND id % 3 = 0 AND name LIKE '合成企业%'
     ON CONFLICT DO NOTHING`,
    [start],
  );
  return total - have;
}
