// The supervision list as xlsx or CSV, with the same filters and the same visibility as the page.
import type { NextRequest } from 'next/server';
import { fileResponse, XLSX_TYPE } from '@/app/api/_lib/respond';
import { handleDownload } from '@/lib/gate/route';
import { tableToCsv, tableToXlsx } from '@/lib/excel/export';
import { getSupervisionExport } from '@/lib/queries/supervision';
import { supervisionExportSchema } from '@/lib/schemas/supervision/filters';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest): Promise<Response> {
  return handleDownload(request, { schema: supervisionExportSchema, permission: 'supervision.view', name: 'supervisionExport' }, async (actor, input) => {
    const { format, ...filter } = input;
    const table = await getSupervisionExport(actor, filter);
    const name = '督办事项';
    return format === 'csv' ? fileResponse(tableToCsv(table), `${name}.csv`, 'text/csv; charset=utf-8') : fileResponse(await tableToXlsx(table), `${name}.xlsx`, XLSX_TYPE);
  });
}
