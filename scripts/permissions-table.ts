// npx tsx scripts/permissions-table.ts: prints the role × action table of lib/permissions.ts as Markdown, for the
// README (docs/roles-and-permissions.md). Generated, so the document cannot drift from the code.
import zh from '@/lib/i18n/messages/zh-CN/auth.json';
import en from '@/lib/i18n/messages/en/auth.json';
import { allActions, allRoles, can, permissionTable } from '@/lib/permissions';

/** What each action lets one do, for readers of the table (an action missing here prints without words). */
const meaning: Record<string, string> = {
  'dashboard.view': '查看总览、任务、单位 · view dashboards',
  'figure.viewPending': '查看未审核数据 · see figures awaiting review',
  'figure.enter': '填报数据 · enter figures',
  'figure.submit': '提交审核 · submit for review',
  'figure.import': 'Excel 导入 · import from Excel',
  'figure.review': '审核（通过/退回） · approve or return',
  'figure.unlock': '解锁已审核数据 · unlock approved figures',
  'figure.export': '导出数据 · export figures',
  'reporting.viewAllUnits': '查看各单位报送情况 · see every unit\'s reporting',
  'reporting.manageDeadlines': '设置报送截止日 · set deadlines',
  'reporting.remind': '催报 · send reminders',
  'task.reportProgress': '填报任务进展 · report task progress',
  'instruction.create': '领导批示 · leader instructions',
  'user.manage': '新建/停用账户、指定单位、重置密码 · manage accounts',
  'unit.manage': '维护单位 · manage units',
  'plan.load': '加载规划文件 · load the plan file',
  'demo.manage': '演示数据 · demo data',
  'role.assign': '分配角色 · assign roles',
  'policy.edit': '密码与会话策略 · password and session policy',
  'session.terminate': '强制下线 · end a user\'s sessions',
  'audit.view': '查询审计日志 · browse the audit log',
  'audit.export': '导出审计日志 · export the audit log',
  'account.manageOwn': '本人密码、动态验证码 · own password and second factor',
};

/** Unit-scoped actions are asked about the reporter's own unit; the footnote says so. */
const scoped = new Set(['figure.enter', 'figure.submit', 'figure.import', 'task.reportProgress']);

const header = ['Action', '含义 · Meaning', ...allRoles.map((r) => `${zh.roles[r]}<br>${en.roles[r]}`)];
const rows = allActions.map((action) => {
  const actor = (role: (typeof allRoles)[number]) => ({ userId: 1, username: 'u', roles: [role], unitId: 1, sessionId: null, ip: null });
  const marks = allRoles.map((role) => {
    const allowed = can(actor(role), action, { unitId: 1, submittedById: 2 });
    if (allowed !== (permissionTable[action] as readonly string[]).includes(role)) throw new Error(`table and can() disagree on ${role} × ${action}`);
    return allowed ? (scoped.has(action) ? '✓¹' : action === 'figure.review' ? '✓²' : '✓') : '';
  });
  return [`\`${action}\``, meaning[action] ?? '', ...marks];
});

const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
console.log(line(header));
console.log(line(header.map((_, i) => (i < 2 ? '---' : ':---:'))));
for (const row of rows) console.log(line(row));
console.log('');
console.log('¹ Own unit only. ² Never one\'s own submission. The command-line system actor may only `plan.load` and `demo.manage`.');
