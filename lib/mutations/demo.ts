// Server only. Every function takes the acting user first. Demo data is flagged (isDemo) so that it can be told
// apart from real figures and removed with one command.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { systemClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { generateDemoSubmissions, generateDemoTaskReports } from '@/lib/demo/demo-reporting';
import { generateDemoValues } from '@/lib/demo/demo-values';
import { removeDemoBulletinData } from '@/lib/mutations/bulletin/demo';
import { hashPassword } from '@/lib/auth/password-hash';
import { DomainError, ForbiddenError, NotFoundError, prismaErrorCode } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';
import { removeDemoSupervision } from '@/lib/mutations/supervision/demo';
import { invalidateDemoCache } from '@/lib/queries/values';
import { seedDemoRegistry } from '@/lib/mutations/registry/demo';
import { canManageDemoData } from '@/lib/permissions';
import type { Month } from '@/lib/periods';
import type { PlanFile } from '@/lib/plan/plan-file-schema';

export const DEMO_SETTING_KEY = 'demo';

export interface DemoState {
  seededThrough?: Month;
  removedAt?: string;
}

export async function getDemoState(): Promise<DemoState | null> {
  const db = await getDb();
  const row = await db.appSetting.findUnique({ where: { key: DEMO_SETTING_KEY } });
  return (row?.value as DemoState | undefined) ?? null;
}

/**
 * Replaces all demo figures of the plan with a fresh series ending at `through`. The demo's bulletins, shares and
 * rules come after, from seedDemoBulletins (lib/mutations/bulletin/demo.ts); removeDemoData removes them too.
 */
export async function seedDemoData(actor: Actor, plan: PlanFile, through: Month, clock: Clock = systemClock): Promise<{ values: number }> {
  if (!canManageDemoData(actor)) throw new ForbiddenError();
  const db = await getDb();
  const [units, indicators] = await Promise.all([
    db.unit.findMany({ where: { planId: plan.id }, select: { id: true, name: true } }),
    db.indicator.findMany({ where: { planId: plan.id }, select: { id: true, code: true } }),
  ]);
  if (indicators.length === 0) throw new NotFoundError(`规划 ${plan.id} 尚未加载`, `Plan ${plan.id} is not loaded`);
  const unitId = new Map(units.map((u) => [u.name, u.id]));
  const indicatorId = new Map(indicators.map((i) => [i.code, i.id]));
  const generated = generateDemoValues(plan, through);

  // Who reports: the units entering figures and the units leading key tasks.
  const leads = plan.tasks.flatMap((t) => t.lead.filter((name) => unitId.has(name)).map((unitName) => ({ taskNo: t.no, title: t.title, unitName })));
  const reporters = [...new Set([...generated.map((v) => v.reporterName), ...leads.map((l) => l.unitName)])];
  // Relative to the clock, never in its future: a unit whose habitual day has not come yet has not submitted.
  const now = clock();
  const submissions = generateDemoSubmissions(reporters, through, 5, now);
  const submittedKeys = new Set(submissions.filter((x) => x.submittedAt).map((x) => `${x.unitName}|${x.month}`));
  // A unit that has not submitted the latest month has no figures for it yet; submitted ones await review.
  const values = generated
    .filter((v) => v.month !== through || submittedKeys.has(`${v.reporterName}|${v.month}`))
    .map((v) => ({ ...v, status: v.month === through ? ('submitted' as const) : ('approved' as const) }));
  const taskReports = generateDemoTaskReports(leads, submittedKeys, through);
  const taskIds = new Map((await db.task.findMany({ where: { planId: plan.id, isOrganisation: false }, select: { id: true, no: true } })).map((t) => [t.no, t.id]));
  const submittedAt = new Map(submissions.map((x) => [`${x.unitName}|${x.month}`, x.submittedAt ?? now]));
  // Approved a day after submission, or now if that day has not come yet.
  const approvedAfter = (at: Date) => new Date(Math.min(at.getTime() + 86_400_000, now.getTime()));
  const stamps = (at: Date, approved: boolean) => {
    const approvedAt = approved ? approvedAfter(at) : null;
    return { submittedAt: at, approvedAt, createdAt: at, updatedAt: approvedAt ?? at };
  };

  await db.$transaction(
    async (tx) => {
      await tx.indicatorValue.deleteMany({ where: { isDemo: true, indicator: { planId: plan.id } } });
      await tx.submission.deleteMany({ where: { isDemo: true, unit: { planId: plan.id } } });
      await tx.submission.createMany({
        data: submissions
          .filter((x) => x.submittedAt)
          .map((x) => ({
            unitId: unitId.get(x.unitName)!,
            month: x.month,
            status: x.month === through ? ('submitted' as const) : ('approved' as const),
            firstSubmittedAt: x.submittedAt,
            submittedAt: x.submittedAt,
            createdAt: x.submittedAt!,
            updatedAt: x.month === through ? x.submittedAt! : approvedAfter(x.submittedAt!),
            isDemo: true,
          })),
      });
      const submissionId = new Map(
        (await tx.submission.findMany({ where: { isDemo: true, unit: { planId: plan.id } }, select: { id: true, unitId: true, month: true } })).map((x) => [`${x.unitId}|${x.month}`, x.id]),
      );
      await tx.indicatorValue.createMany({
        data: values.map((v) => ({
          indicatorId: indicatorId.get(v.code)!,
          unitId: unitId.get(v.unitName)!,
          reporterUnitId: unitId.get(v.reporterName)!,
          submissionId: submissionId.get(`${unitId.get(v.reporterName)}|${v.month}`) ?? null,
          month: v.month,
          stage: v.stage,
          value: v.value,
          source: v.source,
          status: v.status,
          isDemo: true,
          ...stamps(submittedAt.get(`${v.reporterName}|${v.month}`) ?? now, v.status === 'approved'),
        })),
      });
      await tx.taskReport.createMany({
        data: taskReports.map((r) => ({
          taskId: taskIds.get(r.taskNo)!,
          unitId: unitId.get(r.unitName)!,
          month: r.month,
          submissionId: submissionId.get(`${unitId.get(r.unitName)}|${r.month}`)!,
          role: 'lead' as const,
          progress: r.progress,
          narrative: r.narrative,
          status: r.month === through ? ('submitted' as const) : ('approved' as const),
          ...stamps(submittedAt.get(`${r.unitName}|${r.month}`) ?? now, r.month !== through),
        })),
      });
      const state: DemoState = { seededThrough: through };
      await tx.appSetting.upsert({ where: { key: DEMO_SETTING_KEY }, create: { key: DEMO_SETTING_KEY, value: { ...state } }, update: { value: { ...state }, version: { increment: 1 } } });
      await recordAudit(tx, actor, {
        event: 'demo.seeded',
        targetType: 'plan',
        targetId: plan.id,
        after: { values: values.length, submissions: submittedKeys.size, taskReports: taskReports.length, through },
      });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  // The enterprise registry behind the same counts (its own transaction: 5,000 firms).
  await seedDemoRegistry(actor, plan, through, clock);
  invalidateDemoCache();
  return { values: values.length };
}

/** One account per role, listed in the README. Admin accounts still have to enrol a second factor. */
export const DEMO_ACCOUNTS: { username: string; password: string; displayName: string; roles: Role[]; unit: string | null }[] = [
  { username: 'reviewer', password: 'Review#2026bb', displayName: '专班办公室 王审核', roles: ['bureau_reviewer'], unit: '区科技局' },
  { username: 'kjj', password: 'Report#2026kj', displayName: '区科技局 李填报', roles: ['unit_reporter'], unit: '区科技局' },
  { username: 'jxw', password: 'Report#2026jx', displayName: '区经济信息委 张填报', roles: ['unit_reporter'], unit: '区经济信息委' },
  { username: 'tiansheng', password: 'Report#2026ts', displayName: '天生街道 赵填报', roles: ['unit_reporter'], unit: '天生街道' },
  { username: 'leader', password: 'Leader#2026bb', displayName: '分管副区长', roles: ['leader'], unit: null },
  { username: 'viewer', password: 'Viewer#2026bb', displayName: '查看人员', roles: ['viewer'], unit: null },
  { username: 'sysadmin', password: 'Sysadm#2026bb', displayName: '系统管理员', roles: ['system_admin'], unit: null },
  { username: 'secadmin', password: 'Secadm#2026bb', displayName: '安全管理员', roles: ['security_admin'], unit: null },
  { username: 'auditadmin', password: 'Audadm#2026bb', displayName: '审计管理员', roles: ['audit_admin'], unit: null },
];

/** Creates the demo accounts that do not exist yet (flagged isDemo; a production start refuses to run with them). */
export async function seedDemoAccounts(actor: Actor, planId: string): Promise<{ created: number }> {
  if (!canManageDemoData(actor)) throw new ForbiddenError();
  const db = await getDb();
  const units = new Map((await db.unit.findMany({ where: { planId }, select: { id: true, name: true } })).map((u) => [u.name, u.id]));
  const existing = new Set((await db.user.findMany({ select: { username: true } })).map((u) => u.username));
  const missing = DEMO_ACCOUNTS.filter((a) => !existing.has(a.username));
  const hashes = await Promise.all(missing.map((a) => hashPassword(a.password)));
  await db.$transaction(async (tx) => {
    for (const [i, account] of missing.entries()) {
      const user = await tx.user.create({
        data: {
          username: account.username,
          displayName: account.displayName,
          passwordHash: hashes[i],
          roles: account.roles,
          unitId: account.unit ? units.get(account.unit)! : null,
          mustChangePassword: false,
          isDemo: true,
        },
      });
      await recordAudit(tx, actor, { event: 'user.created', targetType: 'user', targetId: user.id, reason: 'demo account', after: { username: user.username, roles: user.roles } });
    }
  });
  return { created: missing.length };
}

/** Deletes every demo figure and remembers the removal, so that a later start does not seed again. */
export async function removeDemoData(actor: Actor): Promise<{ values: number; accounts: number }> {
  if (!canManageDemoData(actor)) throw new ForbiddenError();
  const db = await getDb();
  const removed = await db.$transaction(async (tx) => {
    await removeDemoBulletinData(tx);
    const { count } = await tx.indicatorValue.deleteMany({ where: { isDemo: true } });
    await tx.enterprise.deleteMany({ where: { isDemo: true } });
    await tx.submission.deleteMany({ where: { isDemo: true } });
    await removeDemoSupervision(tx);
    const users = await tx.user.deleteMany({ where: { isDemo: true } }).catch((error: unknown) => {
      if (prismaErrorCode(error) === 'P2003') {
        throw new DomainError('演示账户已参与真实数据的填报或审核，不能删除；请先由系统管理员停用', 'Demo accounts touched real figures and cannot be deleted; disable them instead');
      }
      throw error;
    });
    const state: DemoState = { removedAt: systemClock().toISOString() };
    await tx.appSetting.upsert({ where: { key: DEMO_SETTING_KEY }, create: { key: DEMO_SETTING_KEY, value: { ...state } }, update: { value: { ...state }, version: { increment: 1 } } });
    await recordAudit(tx, actor, { event: 'demo.removed', targetType: 'demo', after: { values: count, accounts: users.count } });
    return { values: count, accounts: users.count };
  });
  invalidateDemoCache();
  return removed;
}
