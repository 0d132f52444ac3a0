// The registry list as xlsx, with the same filters as /enterprises and within the viewer's scope.
import type { NextRequest } from 'next/server';
import { fileResponse, XLSX_TYPE } from '@/app/api/_lib/respond';
import { handleDownload } from '@/lib/gate/route';
import { systemClock } from '@/lib/clock';
import { tableToXlsx } from '@/lib/excel/export';
import zh from '@/lib/i18n/messages/zh-CN/registry.json';
import { listEnterprises } from '@/lib/queries/registry/list';
import { dayInChina } from '@/lib/registry/dates';
import { enterpriseFilterSchema } from '@/lib/schemas/registry/filters';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest): Promise<Response> {
  return handleDownload(request, { schema: enterpriseFilterSchema, permission: 'registry.export', name: 'registryExport' }, async (actor, filter) => {
    const today = dayInChina(systemClock());
    const { rows } = await listEnterprises(actor, filter, today, { all: true });
    const table = {
      title: zh.title,
      columns: [zh.col.creditCode, zh.col.name, zh.col.town, zh.col.park, zh.col.cluster, zh.col.aboveScale, zh.col.tier, zh.col.holds, zh.col.highTechUntil],
      rows: rows.map((r) => [
        r.creditCode,
        r.name,
        r.town,
        r.park,
        r.clusterTask === null ? null : `任务${r.clusterTask}`,
        r.aboveScale ? '是' : '否',
        zh.tier[r.tier],
        r.holds.map((k) => zh.kind[k]).join('、'),
        r.highTechUntil,
      ]),
    };
    return fileResponse(await tableToXlsx(table), `企业库-${today}.xlsx`, XLSX_TYPE);
  });
}
