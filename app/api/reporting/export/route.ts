// A month's figures as xlsx or CSV: a reporter gets their own unit's; the bureau and leaders any unit (or all).
import type { NextRequest } from 'next/server';
import { fileResponse, XLSX_TYPE } from '@/app/api/_lib/respond';
import { handleDownload } from '@/lib/gate/route';
import { tableToCsv, tableToXlsx } from '@/lib/excel/export';
import { getCurrentPlan } from '@/lib/queries/plan';
import { getMonthExport } from '@/lib/queries/reporting/export';
import { exportMonthSchema } from '@/lib/schemas/reporting';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest): Promise<Response> {
  return handleDownload(request, { schema: exportMonthSchema, permission: 'figure.export', name: 'reportingExport' }, async (actor, input) => {
    const plan = await getCurrentPlan(actor);
    const table = await getMonthExport(actor, { planId: plan.id, month: input.month, unitId: input.unitId });
    const name = `${input.month}-月度数据`;
    return input.format === 'csv' ? fileResponse(tableToCsv(table), `${name}.csv`, 'text/csv; charset=utf-8') : fileResponse(await tableToXlsx(table), `${name}.xlsx`, XLSX_TYPE);
  });
}
