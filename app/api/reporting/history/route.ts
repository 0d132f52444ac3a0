// One indicator's whole history (every month, unit, stage) as xlsx or CSV, within what the viewer may see.
import type { NextRequest } from 'next/server';
import { fileResponse, XLSX_TYPE } from '@/app/api/_lib/respond';
import { handleDownload } from '@/lib/gate/route';
import { tableToCsv, tableToXlsx } from '@/lib/excel/export';
import { getCurrentPlan } from '@/lib/queries/plan';
import { getIndicatorHistoryExport } from '@/lib/queries/reporting/export';
import { exportHistorySchema } from '@/lib/schemas/reporting';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest): Promise<Response> {
  return handleDownload(request, { schema: exportHistorySchema, permission: 'figure.export', name: 'reportingHistoryExport' }, async (actor, input) => {
    const plan = await getCurrentPlan(actor);
    const table = await getIndicatorHistoryExport(actor, { planId: plan.id, code: input.code });
    const name = `${table.title}`;
    return input.format === 'csv' ? fileResponse(tableToCsv(table), `${name}.csv`, 'text/csv; charset=utf-8') : fileResponse(await tableToXlsx(table), `${name}.xlsx`, XLSX_TYPE);
  });
}
