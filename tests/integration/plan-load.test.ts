import { describe, expect, test } from 'vitest';
import { systemActor, type Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { ForbiddenError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { loadPlan } from '@/lib/mutations/plan';
import { getCurrentPlan, getTask, getUnit, listIndicators, listTasks, listUnits } from '@/lib/queries/plan';
import { setupTestDatabase } from '../support/db';
import { bundledPlan } from '../support/plan';

setupTestDatabase();
const operator = systemActor('test');

async function countRows() {
  const db = await getDb();
  const [units, tasks, parties, indicators, milestones, members, audit] = await Promise.all([
    db.unit.count(),
    db.task.count(),
    db.taskParty.count(),
    db.indicator.count(),
    db.milestone.count(),
    db.unitGroupMember.count(),
    db.auditLog.count(),
  ]);
  return { units, tasks, parties, indicators, milestones, members, audit };
}

describe('loading the bundled plan', () => {
  test('stores every task, unit and target of the document', async () => {
    const plan = bundledPlan();
    const result = await loadPlan(operator, plan);
    expect(result.changed).toBe(true);

    const stored = await getCurrentPlan(operator);
    const tasks = await listTasks(operator, stored.id);
    expect(tasks.filter((t) => !t.isOrganisation)).toHaveLength(19);
    expect(tasks.filter((t) => t.isOrganisation)).toHaveLength(4);
    for (const source of plan.tasks) {
      const task = tasks.find((t) => !t.isOrganisation && t.no === source.no)!;
      expect(task.lead.map((p) => p.label)).toEqual(source.lead);
      expect(task.responsible.map((p) => p.label)).toEqual(source.responsible);
      expect(task.text).toBe(source.text);
    }
    // Every lead/responsible entry resolves to exactly one unit or one group.
    for (const task of tasks) {
      for (const party of [...task.lead, ...task.responsible]) expect(Boolean(party.unit) !== (party.groupId !== null), party.label).toBe(true);
    }
    const units = await listUnits(operator, stored.id);
    expect(units.filter((u) => u.kind === 'town')).toHaveLength(17);
    const indicators = await listIndicators(operator, stored.id);
    expect(indicators.map((i) => i.code).sort()).toEqual(plan.indicators.map((i) => i.code).sort());
    const hte = indicators.find((i) => i.code === 'high_tech_enterprises')!;
    expect(hte.milestones).toEqual([
      expect.objectContaining({ year: 2025, value: 470, comparator: 'gt' }),
      expect.objectContaining({ year: 2027, value: 570, comparator: 'gt' }),
    ]);
    expect(hte.baseline).toEqual({ year: 2022, value: 285 });
  });

  test('a town is involved in the tasks that name 各镇街', async () => {
    const plan = await getCurrentPlan(operator);
    const tiansheng = (await listUnits(operator, plan.id)).find((u) => u.name === '天生街道')!;
    const detail = await getUnit(operator, plan.id, tiansheng.id);
    const viaTowns = (await listTasks(operator, plan.id)).filter((t) => [...t.lead, ...t.responsible].some((p) => p.label === '各镇街'));
    expect(viaTowns.length).toBeGreaterThan(0);
    expect([...detail.leadTasks, ...detail.sharedTasks].map((t) => t.key).sort()).toEqual(viaTowns.map((t) => t.key).sort());
  });

  test('the English names of units, groups, sections, tasks and organisational items are stored from the file', async () => {
    const file = bundledPlan();
    const plan = await getCurrentPlan(operator);
    expect(plan.regionEn).toBe(file.regionEn);
    const units = await listUnits(operator, plan.id);
    expect(units).toHaveLength(file.units.length);
    for (const source of file.units) expect(units.find((u) => u.name === source.name)?.nameEn, source.name).toBe(source.nameEn);
    const towns = file.groups.find((g) => g.name === '各镇街')!;
    expect(units.find((u) => u.name === '天生街道')!.groupsEn).toContain(towns.nameEn);
    const tasks = await listTasks(operator, plan.id);
    for (const source of [...file.tasks, ...file.organisation]) {
      const org = !('section' in source);
      const task = tasks.find((t) => t.isOrganisation === org && t.no === source.no)!;
      expect(task.titleEn, `${org ? 'o' : ''}${source.no}`).toBe(source.titleEn);
      // Every party's English label is the English name of the unit or group it names.
      for (const party of [...task.lead, ...task.responsible]) {
        const en = file.units.find((u) => u.name === party.label)?.nameEn ?? file.groups.find((g) => g.name === party.label)?.nameEn;
        expect(party.labelEn, party.label).toBe(en);
      }
      const section = org ? file.organisationSectionTitleEn : file.sections.find((s) => s.no === (source as { section: number }).section)!.titleEn;
      expect(task.section.titleEn).toBe(section);
    }
  });

  test('loading the same file again changes nothing', async () => {
    const before = await countRows();
    const result = await loadPlan(operator, bundledPlan());
    expect(result).toEqual({ planId: 'beibei-2023-2027', changed: false, changes: [] });
    expect(await countRows()).toEqual(before);
  });

  test('editing a target and reloading updates it and writes one audit row for it', async () => {
    const db = await getDb();
    const before = await countRows();
    const plan = bundledPlan();
    const ind = plan.indicators.find((i) => i.code === 'above_scale_high_tech')!;
    ind.milestones[0] = { ...ind.milestones[0], value: 190, text: '提高至190家' };

    const result = await loadPlan(operator, plan);
    expect(result.changes).toEqual(['indicator above_scale_high_tech']);
    const stored = (await listIndicators(operator, plan.id)).find((i) => i.code === 'above_scale_high_tech')!;
    expect(stored.milestones[0]).toMatchObject({ value: 190, text: '提高至190家' });

    const rows = await db.auditLog.findMany({ where: { event: 'plan.indicator.changed', targetId: 'above_scale_high_tech', before: { not: Prisma.DbNull } } });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0].before)).toContain('180');
    expect(JSON.stringify(rows[0].after)).toContain('190');
    expect((await countRows()).audit).toBe(before.audit + 2); // the indicator row and the plan.loaded row
  });

  test('a changed lead unit list is stored in the new order and audited', async () => {
    const plan = bundledPlan();
    plan.tasks[0].responsible = [...plan.tasks[0].responsible].reverse();
    plan.indicators.find((i) => i.code === 'above_scale_high_tech')!.milestones[0].value = 190; // keep the previous edit
    plan.indicators.find((i) => i.code === 'above_scale_high_tech')!.milestones[0].text = '提高至190家';
    const result = await loadPlan(operator, plan);
    expect(result.changes).toEqual(['task 1']);
    const task = await getTask(operator, plan.id, '1');
    expect(task.responsible.map((p) => p.label)).toEqual(plan.tasks[0].responsible);
  });

  test('dropping an English name stores null (the UI falls back to Chinese) and audits the task', async () => {
    const db = await getDb();
    const plan = bundledPlan();
    plan.tasks[0].responsible = [...plan.tasks[0].responsible].reverse(); // keep the previous edits
    Object.assign(plan.indicators.find((i) => i.code === 'above_scale_high_tech')!.milestones[0], { value: 190, text: '提高至190家' });
    const dropped = plan.tasks[1].titleEn;
    delete plan.tasks[1].titleEn;
    delete plan.units[0].nameEn;
    const result = await loadPlan(operator, plan);
    expect(result.changes).toEqual([`unit ${plan.units[0].name}`, 'task 2']);
    expect((await getTask(operator, plan.id, '2')).titleEn).toBeNull();
    const unit = (await listUnits(operator, plan.id)).find((u) => u.name === plan.units[0].name)!;
    expect(unit.nameEn).toBeNull();
    const row = await db.auditLog.findFirst({ where: { event: 'plan.task.changed', targetId: '2' }, orderBy: { id: 'desc' } });
    expect(JSON.stringify(row!.before)).toContain(dropped!);
  });

  test('only the system admin or the operator may load a plan', async () => {
    const db = await getDb();
    const before = await countRows();
    const reviewer: Actor = { userId: 1, username: 'reviewer', roles: ['bureau_reviewer'], unitId: null, sessionId: null, ip: null };
    const plan = bundledPlan();
    plan.title = '篡改';
    await expect(loadPlan(reviewer, plan)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await countRows()).toEqual(before);
    expect((await db.plan.findFirst())?.title).not.toBe('篡改');
  });

  test('the plan is read by the business roles, the system admin and the operator; not by the security or audit admin', async () => {
    const as = (roles: Actor['roles']): Actor => ({ userId: 1, username: 'someone', roles, unitId: null, sessionId: null, ip: null });
    const plan = await getCurrentPlan(operator);
    for (const roles of [['viewer'], ['unit_reporter'], ['bureau_reviewer'], ['leader'], ['system_admin']] as Actor['roles'][]) {
      expect((await getCurrentPlan(as(roles))).id, roles.join()).toBe(plan.id);
      expect((await listUnits(as(roles), plan.id)).length, roles.join()).toBeGreaterThan(0);
    }
    for (const roles of [['security_admin'], ['audit_admin']] as Actor['roles'][]) {
      await expect(getCurrentPlan(as(roles)), roles.join()).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listTasks(as(roles), plan.id), roles.join()).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getUnit(as(roles), plan.id, 1), roles.join()).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
