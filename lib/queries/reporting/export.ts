// Server only. Every function takes the viewer first. The rows of the reporting downloads (a month's figures, one
// indicator's history), each figure's review status marked: all units for the bureau and leaders, else the own unit.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import type { ValueStage, ValueStatus } from '@/lib/generated/prisma/enums';
import { can } from '@/lib/permissions';
import type { Month } from '@/lib/periods';
import { cstDate } from '@/lib/reporting/deadlines';

export type Cell = string | number | null;

export interface TableDto {
  title: string;
  columns: string[];
  rows: Cell[][];
}

const statusLabel: Record<ValueStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '已退回',
  approved: '已审核',
};
const stageLabel: Record<ValueStage, string> = { final: '正式数', provisional: '快报数' };

const exportColumns = [
  '指标编码',
  '指标',
  '对象单位',
  '期间',
  '口径',
  '数值',
  '计量单位',
  '状态',
  '报送单位',
  '填报说明',
  '最后修改人',
  '最后修改时间',
  '审核时间',
];

async function exportRows(
  viewer: Actor,
  where: { planId: string; month?: Month; code?: string; unitId?: number },
): Promise<Cell[][]> {
  if (!can(viewer, 'figure.export')) throw new ForbiddenError();
  const all = can(viewer, 'reporting.viewAllUnits');
  if (!all && viewer.unitId === null) throw new ForbiddenError();
  if (!all && where.unitId !== undefined && where.unitId !== viewer.unitId) throw new ForbiddenError();
  const reporterUnitId = all ? where.unitId : viewer.unitId!;
  const db = await getDb();
  const rows = await db.indicatorValue.findMany({
    where: { indicator: { planId: where.planId, code: where.code }, month: where.month, reporterUnitId },
    include: {
      indicator: { select: { code: true, name: true, unit: true, position: true } },
      unit: { select: { name: true, position: true } },
      reporterUnit: { select: { name: true } },
      updatedBy: { select: { displayName: true } },
    },
    orderBy: [{ month: 'asc' }, { indicatorId: 'asc' }, { unitId: 'asc' }, { stage: 'asc' }],
  });
  return rows.map((r) => [
    r.indicator.code,
    r.indicator.name,
    r.unit.name,
    r.month,
    stageLabel[r.stage],
    Number(r.value),
    r.indicator.unit,
    statusLabel[r.status] + (r.isDemo ? '（演示）' : ''),
    r.reporterUnit.name,
    r.comment,
    r.updatedBy?.displayName ?? null,
    cstDate(r.updatedAt) + ' ' + new Date(r.updatedAt.getTime() + 8 * 3_600_000).toISOString().slice(11, 16),
    r.approvedAt ? cstDate(r.approvedAt) : null,
  ]);
}

/** Every figure of a month (all units for the bureau and leaders, the reporter's own unit otherwise), status marked. */
export async function getMonthExport(
  viewer: Actor,
  params: { planId: string; month: Month; unitId?: number },
): Promise<TableDto> {
  const rows = await exportRows(viewer, params);
  return { title: `${params.month} 月度数据`, columns: exportColumns, rows };
}

/** One indicator's whole history (every month, unit, stage), status marked. */
export async function getIndicatorHistoryExport(
  viewer: Actor,
  params: { planId: string; code: string },
): Promise<TableDto> {
  const db = await getDb();
  const indicator = await db.indicator.findUnique({
    where: { planId_code: { planId: params.planId, code: params.code } },
    select: { name: true },
  });
  if (!indicator) throw new NotFoundError(`指标 ${params.code} 不存在`, `No indicator ${params.code}`);
  const rows = await exportRows(viewer, params);
  return { title: `${indicator.name} 历史数据`, columns: exportColumns, rows };
}
