// Server only. Every function takes the acting user first. Loads a plan file into the database: idempotent (an
// identical file changes nothing), and every change to a unit, group, task or target writes an audit row in the
// same transaction as the change.
import 'server-only';
import { systemClock } from '@/lib/clock';
import type { Actor } from '@/lib/actor';
import { recordAudit, type AuditEvent } from '@/lib/audit';
import { getDb } from '@/lib/db/client';
import { ForbiddenError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { canLoadPlan } from '@/lib/permissions';
import type { PlanFile } from '@/lib/plan/plan-file-schema';
import { planHash } from '@/lib/plan/read-plan-file';

type Tx = Prisma.TransactionClient;

export interface PlanLoadResult {
  planId: string;
  changed: boolean;
  changes: string[];
}

const ORGANISATION_SECTION_NO = 4;

/** Stable comparison of what was stored with what the file says (jsonb reorders object keys, so sort them). */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

function decimal(value: Prisma.Decimal | null): number | null {
  return value === null ? null : Number(value);
}

export async function loadPlan(actor: Actor, plan: PlanFile): Promise<PlanLoadResult> {
  if (!canLoadPlan(actor)) throw new ForbiddenError('只有系统管理员可以加载规划文件', 'Only the system admin may load a plan file');
  const db = await getDb();
  const hash = planHash(plan);
  const existing = await db.plan.findUnique({ where: { id: plan.id }, select: { sourceHash: true } });
  if (existing?.sourceHash === hash) return { planId: plan.id, changed: false, changes: [] };

  return db.$transaction((tx) => writePlan(tx, actor, plan, hash), { timeout: 120_000, maxWait: 30_000 });
}

async function writePlan(tx: Tx, actor: Actor, plan: PlanFile, hash: string): Promise<PlanLoadResult> {
  const changes: string[] = [];
  const audit = async (event: AuditEvent, targetType: string, targetId: string, before: unknown, after: unknown) => {
    changes.push(`${targetType} ${targetId}`);
    await recordAudit(tx, actor, { event, targetType, targetId, before, after });
  };

  const planData = {
    title: plan.title,
    region: plan.region,
    parentDocument: plan.parentDocument,
    periodStart: plan.period.start,
    periodEnd: plan.period.end,
    baselineYear: plan.baselineYear,
  };
  const storedPlan = await tx.plan.findUnique({ where: { id: plan.id } });
  await tx.plan.upsert({
    where: { id: plan.id },
    create: { id: plan.id, ...planData, sourceHash: hash },
    update: { ...planData, sourceHash: hash, loadedAt: systemClock(), version: { increment: 1 } },
  });

  const unitIds = await syncUnits(tx, plan, audit);
  const groupIds = await syncGroups(tx, plan, unitIds, audit);
  const taskIds = await syncTasks(tx, plan, unitIds, groupIds, audit);
  await syncIndicators(tx, plan, unitIds, groupIds, taskIds, audit);

  await recordAudit(tx, actor, {
    event: 'plan.loaded',
    targetType: 'plan',
    targetId: plan.id,
    before: storedPlan ? { sourceHash: storedPlan.sourceHash, version: storedPlan.version } : null,
    after: { sourceHash: hash, changes: changes.length },
  });
  return { planId: plan.id, changed: true, changes };
}

type Audit = (event: AuditEvent, targetType: string, targetId: string, before: unknown, after: unknown) => Promise<void>;

async function syncUnits(tx: Tx, plan: PlanFile, audit: Audit): Promise<Map<string, number>> {
  const wanted = [
    { name: plan.region, nameEn: plan.regionEn ?? null, kind: 'region' as const, shortName: null as string | null },
    ...plan.units.map((u) => ({ name: u.name, nameEn: u.nameEn ?? null, kind: u.kind, shortName: u.shortName ?? null })),
  ];
  const stored = new Map((await tx.unit.findMany({ where: { planId: plan.id } })).map((u) => [u.name, u]));
  const ids = new Map<string, number>();
  for (const [position, unit] of wanted.entries()) {
    const after = { kind: unit.kind, shortName: unit.shortName, nameEn: unit.nameEn, position, active: true };
    const before = stored.get(unit.name);
    if (!before) {
      const created = await tx.unit.create({ data: { planId: plan.id, name: unit.name, ...after } });
      ids.set(unit.name, created.id);
      await audit('plan.unit.changed', 'unit', unit.name, null, after);
      continue;
    }
    ids.set(unit.name, before.id);
    const was = { kind: before.kind, shortName: before.shortName, nameEn: before.nameEn, position: before.position, active: before.active };
    if (!same(was, after)) {
      await tx.unit.update({ where: { id: before.id }, data: after });
      if (was.kind !== after.kind || was.shortName !== after.shortName || was.nameEn !== after.nameEn || !was.active) {
        await audit('plan.unit.changed', 'unit', unit.name, was, after);
      }
    }
  }
  // Units the file no longer names keep their history (figures refer to them) but stop being offered.
  for (const [name, unit] of stored) {
    if (!ids.has(name) && unit.active) {
      await tx.unit.update({ where: { id: unit.id }, data: { active: false } });
      await audit('plan.unit.changed', 'unit', name, { active: true }, { active: false });
    }
  }
  return ids;
}

async function syncGroups(tx: Tx, plan: PlanFile, unitIds: Map<string, number>, audit: Audit): Promise<Map<string, number>> {
  const stored = new Map(
    (await tx.unitGroup.findMany({
      where: { planId: plan.id },
      include: { members: { orderBy: { position: 'asc' }, include: { unit: { select: { name: true } } } } },
    })).map((g) => [g.name, g]),
  );
  const ids = new Map<string, number>();
  for (const [position, group] of plan.groups.entries()) {
    const before = stored.get(group.name);
    const wasMembers = before?.members.map((m) => m.unit.name) ?? null;
    const nameEn = group.nameEn ?? null;
    const row = before
      ? await tx.unitGroup.update({ where: { id: before.id }, data: { position, nameEn } })
      : await tx.unitGroup.create({ data: { planId: plan.id, name: group.name, nameEn, position } });
    ids.set(group.name, row.id);
    if (before && before.nameEn !== nameEn) {
      await audit('plan.group.changed', 'group', group.name, { nameEn: before.nameEn }, { nameEn });
    }
    if (!same(wasMembers, group.members)) {
      await tx.unitGroupMember.deleteMany({ where: { groupId: row.id } });
      await tx.unitGroupMember.createMany({
        data: group.members.map((m, i) => ({ groupId: row.id, unitId: unitIds.get(m)!, position: i })),
      });
      await audit('plan.group.changed', 'group', group.name, wasMembers, group.members);
    }
  }
  return ids;
}

async function syncTasks(
  tx: Tx,
  plan: PlanFile,
  unitIds: Map<string, number>,
  groupIds: Map<string, number>,
  audit: Audit,
): Promise<Map<number, number>> {
  const sections = [
    ...plan.sections.map((s) => ({ kind: 'tasks', no: s.no, title: s.title, titleEn: s.titleEn ?? null })),
    { kind: 'organisation', no: ORGANISATION_SECTION_NO, title: plan.organisationSectionTitle, titleEn: plan.organisationSectionTitleEn ?? null },
  ];
  const sectionIds = new Map<string, number>();
  for (const s of sections) {
    const row = await tx.section.upsert({
      where: { planId_kind_no: { planId: plan.id, kind: s.kind, no: s.no } },
      create: { planId: plan.id, ...s },
      update: { title: s.title, titleEn: s.titleEn },
    });
    sectionIds.set(`${s.kind}:${s.no}`, row.id);
  }

  const stored = await tx.task.findMany({
    where: { planId: plan.id },
    include: { parties: { orderBy: [{ role: 'asc' }, { position: 'asc' }] }, section: true },
  });
  const key = (isOrganisation: boolean, no: number) => `${isOrganisation ? 'org' : 'task'}:${no}`;
  const storedByKey = new Map(stored.map((t) => [key(t.isOrganisation, t.no), t]));
  const wanted = [
    ...plan.tasks.map((t) => ({ ...t, isOrganisation: false, sectionKey: `tasks:${t.section}` })),
    ...plan.organisation.map((t) => ({ ...t, isOrganisation: true, sectionKey: `organisation:${ORGANISATION_SECTION_NO}` })),
  ];
  const taskIds = new Map<number, number>();
  for (const task of wanted) {
    const before = storedByKey.get(key(task.isOrganisation, task.no));
    storedByKey.delete(key(task.isOrganisation, task.no));
    const data = { title: task.title, titleEn: task.titleEn ?? null, text: task.text, sectionId: sectionIds.get(task.sectionKey)! };
    const row = before
      ? await tx.task.update({ where: { id: before.id }, data })
      : await tx.task.create({ data: { planId: plan.id, no: task.no, isOrganisation: task.isOrganisation, ...data } });
    if (!task.isOrganisation) taskIds.set(task.no, row.id);

    const parties = (role: 'lead' | 'responsible', labels: string[]) => labels.map((label) => ({ role, label }));
    const wantedParties = [...parties('lead', task.lead), ...parties('responsible', task.responsible)];
    const wasParties = before?.parties.map((p) => ({ role: p.role, label: p.label })) ?? [];
    const wasText = before ? { title: before.title, titleEn: before.titleEn, text: before.text } : null;
    const partiesChanged = !same(wasParties, wantedParties);
    if (partiesChanged) {
      await tx.taskParty.deleteMany({ where: { taskId: row.id } });
      await tx.taskParty.createMany({
        data: wantedParties.map((p, i) => ({
          taskId: row.id,
          role: p.role,
          position: i,
          label: p.label,
          unitId: unitIds.get(p.label) ?? null,
          groupId: unitIds.has(p.label) ? null : groupIds.get(p.label)!,
        })),
      });
    }
    if (partiesChanged || !same(wasText, { title: task.title, titleEn: data.titleEn, text: task.text })) {
      await audit(
        'plan.task.changed',
        task.isOrganisation ? 'organisation' : 'task',
        String(task.no),
        before ? { ...wasText, lead: labelsOf(wasParties, 'lead'), responsible: labelsOf(wasParties, 'responsible') } : null,
        { title: task.title, titleEn: data.titleEn, text: task.text, lead: task.lead, responsible: task.responsible },
      );
    }
  }
  for (const [k, task] of storedByKey) {
    await tx.task.delete({ where: { id: task.id } });
    await audit('plan.task.changed', task.isOrganisation ? 'organisation' : 'task', k, { title: task.title }, null);
  }
  return taskIds;
}

function labelsOf(parties: { role: string; label: string }[], role: string): string[] {
  return parties.filter((p) => p.role === role).map((p) => p.label);
}

async function syncIndicators(
  tx: Tx,
  plan: PlanFile,
  unitIds: Map<string, number>,
  groupIds: Map<string, number>,
  taskIds: Map<number, number>,
  audit: Audit,
): Promise<void> {
  const stored = new Map(
    (await tx.indicator.findMany({
      where: { planId: plan.id },
      include: {
        milestones: { orderBy: { year: 'asc' } },
        reporters: { orderBy: { position: 'asc' }, include: { unit: { select: { name: true } } } },
        breakdowns: { include: { group: { select: { name: true, position: true } } } },
        tasks: { include: { task: { select: { no: true } } } },
      },
    })).map((i) => [i.code, i]),
  );
  const tasksOf = (code: string) => plan.tasks.filter((t) => t.indicators.includes(code)).map((t) => t.no).sort((a, b) => a - b);

  for (const [position, ind] of plan.indicators.entries()) {
    const fields = {
      name: ind.name,
      nameEn: ind.nameEn,
      unit: ind.unit,
      kind: ind.kind,
      frequency: ind.frequency,
      decimals: ind.decimals,
      trajectory: ind.trajectory,
      sourceText: ind.sourceText,
      category: ind.category,
      position,
      baselineYear: ind.baseline?.year ?? null,
      baseline: ind.baseline?.value ?? null,
      formula: ind.formula ?? null,
      lagged: ind.lagged,
      registryRule: ind.registry ?? null,
    };
    const links = {
      milestones: [...ind.milestones].sort((a, b) => a.year - b.year).map((m) => ({ ...m })),
      reportingUnits: ind.reportingUnits,
      breakdowns: ind.breakdowns,
      tasks: tasksOf(ind.code),
    };
    const before = stored.get(ind.code);
    const was = before
      ? {
          fields: { ...pick(before, Object.keys(fields) as (keyof typeof fields)[]), baseline: decimal(before.baseline) },
          links: {
            milestones: before.milestones.map((m) => ({ year: m.year, value: Number(m.value), comparator: m.comparator, text: m.text })),
            reportingUnits: before.reporters.map((r) => r.unit.name),
            breakdowns: [...before.breakdowns].sort((a, b) => a.group.position - b.group.position).map((b) => b.group.name),
            tasks: before.tasks.map((t) => t.task.no).sort((a, b) => a - b),
          },
        }
      : null;
    const now = { fields, links: { ...links, breakdowns: sortByGroupOrder(links.breakdowns, plan) } };
    if (was && same(was, now)) continue;

    const data = { ...fields, formula: fields.formula ?? Prisma.JsonNull, registryRule: fields.registryRule ?? Prisma.JsonNull };
    const row = before
      ? await tx.indicator.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } } })
      : await tx.indicator.create({ data: { planId: plan.id, code: ind.code, ...data } });
    await tx.milestone.deleteMany({ where: { indicatorId: row.id } });
    await tx.milestone.createMany({ data: links.milestones.map((m) => ({ indicatorId: row.id, ...m })) });
    await tx.indicatorReporter.deleteMany({ where: { indicatorId: row.id } });
    await tx.indicatorReporter.createMany({
      data: links.reportingUnits.map((u, i) => ({ indicatorId: row.id, unitId: unitIds.get(u)!, position: i })),
    });
    await tx.indicatorBreakdown.deleteMany({ where: { indicatorId: row.id } });
    await tx.indicatorBreakdown.createMany({ data: links.breakdowns.map((g) => ({ indicatorId: row.id, groupId: groupIds.get(g)! })) });
    await tx.indicatorTask.deleteMany({ where: { indicatorId: row.id } });
    await tx.indicatorTask.createMany({ data: links.tasks.map((no) => ({ indicatorId: row.id, taskId: taskIds.get(no)! })) });
    await audit('plan.indicator.changed', 'indicator', ind.code, was, now);
  }
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, source[k]])) as Pick<T, K>;
}

function sortByGroupOrder(names: string[], plan: PlanFile): string[] {
  const order = new Map(plan.groups.map((g, i) => [g.name, i]));
  return [...names].sort((a, b) => order.get(a)! - order.get(b)!);
}
