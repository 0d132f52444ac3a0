// A city's districts in one database (issue 16): each firm belongs to one plan's registry. A firm of another plan is
// never counted, listed, shown, edited, nor matched as a duplicate by an import, even under the same credit code; a
// list's town names (and short names, which every district derived from the same file shares) are the plan's own.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/actor';
import { systemActor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { DomainError, NotFoundError } from '@/lib/errors';
import { writeListWorkbook } from '@/lib/excel/write-list';
import { createEnterprise, updateEnterprise } from '@/lib/mutations/registry/enterprise';
import { confirmRegistryImport, previewRegistryImport } from '@/lib/mutations/registry/import';
import { loadPlan } from '@/lib/mutations/plan';
import { recordQualification } from '@/lib/mutations/registry/qualification';
import { getRegistryCounts } from '@/lib/queries/registry/counts';
import { getRegistryComparison } from '@/lib/queries/registry/derived';
import { getEnterpriseProfile } from '@/lib/queries/registry/profile';
import { listEnterprises, listRegistryUnits } from '@/lib/queries/registry/list';
import { dateFromDay } from '@/lib/registry/dates';
import { syntheticPlan } from '../../bench/scale-data';
import { setupTestDatabase } from '../support/db';
import { bundledPlan } from '../support/plan';
import { HIGH_TECH_HEADERS, syntheticCode } from '../support/registry';
import { loadBundledPlan, makeReportingActor, type LoadedPlan } from '../support/reporting';

setupTestDatabase();

const TODAY = '2026-11-20';
let beibei: LoadedPlan;
let otherPlanId: string;
let otherTown: number;
let leader: Actor;
let bureau: Actor;
let kjj: Actor;
let otherTownUser: Actor;
const ids: Record<'mine' | 'twin' | 'theirs', number> = { mine: 0, twin: 0, theirs: 0 };

const highTech = { create: [{ kind: 'high_tech' as const, year: 2025, validFrom: dateFromDay('2025-03-01'), validUntil: dateFromDay('2028-02-29') }] };

beforeAll(async () => {
  beibei = await loadBundledPlan(); // loaded first: the current plan
  const other = syntheticPlan(bundledPlan(), 2);
  otherPlanId = other.id;
  await loadPlan(systemActor('test'), other);
  const db = await getDb();
  otherTown = (await db.unit.findFirstOrThrow({ where: { planId: otherPlanId, name: '天生2街道' } })).id;
  leader = await makeReportingActor({ roles: ['leader'] });
  bureau = await makeReportingActor({ roles: ['bureau_reviewer'] });
  kjj = await makeReportingActor({ roles: ['unit_reporter'], unitId: beibei.unit('区科技局') });
  otherTownUser = await makeReportingActor({ roles: ['unit_reporter'], unitId: otherTown });
  // The same credit code in both districts' registries (a firm on both lists), and one firm only the other has.
  ids.mine = (await db.enterprise.create({ data: { planId: beibei.planId, creditCode: syntheticCode(0), name: '本区企业', townUnitId: beibei.unit('天生街道'), qualifications: highTech } })).id;
  ids.twin = (await db.enterprise.create({ data: { planId: otherPlanId, creditCode: syntheticCode(0), name: '外区同码企业', townUnitId: otherTown, qualifications: highTech } })).id;
  ids.theirs = (await db.enterprise.create({ data: { planId: otherPlanId, creditCode: syntheticCode(1), name: '外区企业', townUnitId: otherTown, qualifications: highTech } })).id;
}, 180_000);

describe('reads', () => {
  test('the counts, the indicator comparison and the list of a district-wide viewer are their plan’s only', async () => {
    const [row] = await getRegistryCounts(leader, 'high_tech', ['2026-10']);
    expect(row.total).toBe(1);
    const db = await getDb();
    const mineIndicator = await beibei.indicatorId('high_tech_enterprises');
    const theirIndicator = (await db.indicator.findUniqueOrThrow({ where: { planId_code: { planId: otherPlanId, code: 'high_tech_enterprises' } } })).id;
    expect((await getRegistryComparison(leader, mineIndicator, ['2026-10']))!.rows[0].comparison.registry).toBe(1);
    // The other district's indicator counts the other district's firms (both of them), not Beibei's.
    expect((await getRegistryComparison(leader, theirIndicator, ['2026-10']))!.rows[0].comparison.registry).toBe(2);
    const list = await listEnterprises(leader, {}, TODAY);
    expect(list.rows.map((r) => r.name)).toEqual(['本区企业']);
    expect(list.total).toBe(1);
  });

  test('another plan’s firm has no profile, and its towns are no filter', async () => {
    await expect(getEnterpriseProfile(leader, ids.twin, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getEnterpriseProfile(leader, ids.theirs, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getEnterpriseProfile(leader, ids.mine, TODAY)).name).toBe('本区企业');
    const units = await listRegistryUnits(leader);
    expect(units.towns.map((t) => t.name)).toContain('天生街道');
    expect(units.towns.map((t) => t.name)).not.toContain('天生2街道');
  });

  test('a department’s reporter reads its own plan’s qualified firms; a town’s user its town’s', async () => {
    expect((await listEnterprises(kjj, {}, TODAY)).rows.map((r) => r.name)).toEqual(['本区企业']);
    expect((await listEnterprises(otherTownUser, {}, TODAY)).rows.map((r) => r.name).sort()).toEqual(['外区企业', '外区同码企业'].sort());
    expect((await getRegistryCounts(otherTownUser, 'high_tech', ['2026-10']))[0].total).toBe(2);
  });
});

describe('writes', () => {
  test('another plan’s firm cannot be edited nor given a qualification; a firm cannot be put in another plan’s town', async () => {
    const base = { name: '改名', townUnitId: otherTown, parkUnitId: null, clusterTask: null, aboveScale: false, foundedOn: null };
    await expect(updateEnterprise(bureau, { ...base, enterpriseId: ids.theirs, version: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordQualification(bureau, { enterpriseId: ids.theirs, kind: 'cultivation', year: 2026, level: null, certificateNo: null, validFrom: '2026-01-05' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createEnterprise(bureau, { ...base, creditCode: syntheticCode(7) })).rejects.toBeInstanceOf(DomainError);
    // The same credit code as the other district's row is a new firm of this plan, not a duplicate.
    const { id } = await createEnterprise(bureau, { ...base, townUnitId: beibei.unit('朝阳街道'), creditCode: syntheticCode(1) });
    expect((await (await getDb()).enterprise.findUniqueOrThrow({ where: { id } })).planId).toBe(beibei.planId);
    await (await getDb()).enterprise.delete({ where: { id } });
  });

  test('an import matches duplicates within its plan only, and reads towns by the plan’s names', async () => {
    const db = await getDb();
    const theirsBefore = await db.enterprise.findUniqueOrThrow({ where: { id: ids.theirs }, include: { qualifications: true } });
    const bytes = await writeListWorkbook('高新技术企业名单', HIGH_TECH_HEADERS, [
      [1, syntheticCode(0), '本区企业', '天生街道', null, 'GR202550000001', new Date(Date.UTC(2025, 2, 1))],
      [2, syntheticCode(1), '外区企业', '天生', null, 'GR202550000002', new Date(Date.UTC(2025, 4, 1))],
      [3, syntheticCode(2), '走错区的企业', '天生2街道', null, 'GR202550000003', new Date(Date.UTC(2025, 4, 1))],
    ]);
    const file = { name: '名单.xlsx', bytes: new Uint8Array(bytes) };
    const preview = await previewRegistryImport(bureau, { list: 'high_tech', file });
    const outcome = (code: string) => preview.rows.find((r) => r.creditCode === code)?.outcome;
    expect(outcome(syntheticCode(0))).not.toBe('created'); // Beibei's own row
    expect(outcome(syntheticCode(1))).toBe('created'); // only the other district has it
    expect(outcome(syntheticCode(2))).toBe('refused'); // another district's town
    const fixed = await writeListWorkbook('高新技术企业名单', HIGH_TECH_HEADERS, [
      [1, syntheticCode(0), '本区企业', '天生街道', null, 'GR202550000001', new Date(Date.UTC(2025, 2, 1))],
      [2, syntheticCode(1), '外区企业', '天生', null, 'GR202550000002', new Date(Date.UTC(2025, 4, 1))],
    ]);
    const fixedFile = { name: '名单.xlsx', bytes: new Uint8Array(fixed) };
    const again = await previewRegistryImport(bureau, { list: 'high_tech', file: fixedFile });
    await confirmRegistryImport(bureau, { list: 'high_tech', fileHash: again.fileHash, file: fixedFile });
    const created = await db.enterprise.findUniqueOrThrow({ where: { planId_creditCode: { planId: beibei.planId, creditCode: syntheticCode(1) } } });
    expect(created.townUnitId).toBe(beibei.unit('天生街道'));
    const theirsAfter = await db.enterprise.findUniqueOrThrow({ where: { id: ids.theirs }, include: { qualifications: true } });
    expect(theirsAfter).toEqual(theirsBefore);
    expect(await db.enterprise.count({ where: { planId: otherPlanId } })).toBe(2);
  });
});
