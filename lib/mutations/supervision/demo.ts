// Server only. Demo supervision items in each state, raised and answered through the real domain functions by the
// demo accounts (so history, audit and notices are what real use produces), flagged isDemo and removed by
// `npm run demo:remove`. Dates are relative to the clock: the colours show whatever day the demo is opened.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { systemClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { ForbiddenError } from '@/lib/errors';
import { canManageDemoData } from '@/lib/permissions';
import { cstDate } from '@/lib/reporting/deadlines';
import { addDays } from '@/lib/supervision/due';
import { answerSupervision } from './answer';
import { closeSupervision, returnSupervision } from './close';
import { extendSupervision } from './extend';
import { raiseSupervision } from './raise';

const DAY_MS = 86_400_000;

export async function removeDemoSupervision(client: { supervisionItem: { deleteMany(args: { where: { isDemo: true } }): Promise<{ count: number }> }; notice: { deleteMany(args: { where: { isDemo: true } }): Promise<{ count: number }> } }): Promise<number> {
  await client.notice.deleteMany({ where: { isDemo: true } });
  return (await client.supervisionItem.deleteMany({ where: { isDemo: true } })).count;
}

/** Replaces the demo items. Needs the demo accounts (leader, reviewer, kjj, jxw, tiansheng); skips when they are gone. */
export async function seedDemoSupervision(actor: Actor, planId: string, clock: Clock = systemClock): Promise<{ items: number }> {
  if (!canManageDemoData(actor)) throw new ForbiddenError();
  const db = await getDb();
  const users = await db.user.findMany({ where: { isDemo: true, username: { in: ['leader', 'reviewer', 'kjj', 'jxw', 'tiansheng'] } }, select: { id: true, username: true, roles: true, unitId: true } });
  const as = (name: string): Actor | null => {
    const u = users.find((x) => x.username === name);
    return u ? { userId: u.id, username: u.username, roles: u.roles, unitId: u.unitId, sessionId: null, ip: null } : null;
  };
  const [leader, reviewer, kjj, jxw, tiansheng] = ['leader', 'reviewer', 'kjj', 'jxw', 'tiansheng'].map(as);
  if (!leader || !reviewer || !kjj || !jxw || !tiansheng || kjj.unitId === null || jxw.unitId === null || tiansheng.unitId === null) return { items: 0 };
  await removeDemoSupervision(db);

  const now = clock();
  const daysAgo = (n: number): Clock => () => new Date(now.getTime() - n * DAY_MS);
  const today = cstDate(now);
  const task = async (no: number) => (await db.task.findFirstOrThrow({ where: { planId, no, isOrganisation: false }, select: { id: true } })).id;
  const indicator = async (code: string) => (await db.indicator.findFirstOrThrow({ where: { planId, code }, select: { id: true } })).id;
  const demo = { isDemo: true };
  let items = 0;

  // 1. Open, due in ten days: 区科技局 to answer, 区经济信息委 co-operating.
  await raiseSupervision(leader, { target: `task:${await task(1)}`, text: '请区科技局牵头、区经济信息委配合，梳理科技型企业培育库，月底前报送入库企业名单和培育措施。', leadUnitId: kjj.unitId, cooperatingUnitIds: [jxw.unitId], dueDate: addDays(today, 10), cadenceDays: 14 }, daysAgo(4), demo);
  items++;

  // 2. Overdue and never answered (red): raised three weeks ago, due two days ago.
  await raiseSupervision(leader, { target: `indicator:${await indicator('high_tech_enterprises')}`, text: '高新技术企业申报进度滞后，请说明原因并提出追赶措施。', leadUnitId: kjj.unitId, cooperatingUnitIds: [], dueDate: addDays(today, -2) }, daysAgo(21), demo);
  items++;

  // 3. Answered by 区经济信息委, awaiting the leader's acceptance; due in two days (yellow).
  const third = await raiseSupervision(leader, { target: `unit:${jxw.unitId}`, text: '请区经济信息委报告规上工业企业研发机构建设情况。', leadUnitId: jxw.unitId, cooperatingUnitIds: [], dueDate: addDays(today, 2) }, daysAgo(10), demo);
  await answerSupervision(jxw, { itemId: third.id, version: third.version, text: '已完成 32 家企业研发机构建设情况摸底，其中新建 6 家，正在组织认定申报。', selfStatus: 'on_track', attachments: [{ name: '研发机构建设情况表.xlsx', size: 48_213, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }] }, daysAgo(1));
  items++;

  // 4. Raised by the bureau on 天生街道, answered: awaiting the bureau's acceptance.
  const fourth = await raiseSupervision(reviewer, { target: `unit:${tiansheng.unitId}`, text: '请天生街道报送辖区科技型企业入库培育进展。', leadUnitId: tiansheng.unitId, cooperatingUnitIds: [], dueDate: addDays(today, 7) }, daysAgo(6), demo);
  await answerSupervision(tiansheng, { itemId: fourth.id, version: fourth.version, text: '辖区新增入库科技型企业 5 家，已完成材料初审。', selfStatus: 'on_track' }, daysAgo(2));
  items++;

  // 5. Returned with a reason: 区科技局 must answer again.
  const fifth = await raiseSupervision(leader, { target: `task:${await task(3)}`, text: '请报告创新平台建设年度目标完成情况。', leadUnitId: kjj.unitId, cooperatingUnitIds: [], dueDate: addDays(today, 5) }, daysAgo(12), demo);
  const answered = await answerSupervision(kjj, { itemId: fifth.id, version: fifth.version, text: '正在推进中。', selfStatus: 'on_track' }, daysAgo(5));
  await returnSupervision(leader, { itemId: fifth.id, version: answered.version, reason: '请补充具体平台名称、建设进度和存在的困难。' }, daysAgo(3));
  items++;

  // 6. Extended, then answered and accepted (办结).
  const sixth = await raiseSupervision(reviewer, { target: `task:${await task(1)}`, text: '请区经济信息委报送“专精特新”企业培育名单。', leadUnitId: jxw.unitId, cooperatingUnitIds: [kjj.unitId], dueDate: addDays(today, -10) }, daysAgo(30), demo);
  const extended = await extendSupervision(reviewer, { itemId: sixth.id, version: sixth.version, dueDate: addDays(today, -3), reason: '需与市经济信息委核对名单口径。' }, daysAgo(12));
  const done = await answerSupervision(jxw, { itemId: sixth.id, version: extended.version, text: '已报送培育名单 18 家。', selfStatus: 'done' }, daysAgo(5));
  await closeSupervision(reviewer, { itemId: sixth.id, version: done.version, comment: '名单已收悉。' }, daysAgo(4));
  items++;
  return { items };
}
