// The unit's Excel template of a month (the session's unit, never the client's), to fill in and upload back.
import type { NextRequest } from 'next/server';
import { fileResponse, XLSX_TYPE } from '@/app/api/_lib/respond';
import { handleDownload } from '@/lib/gate/route';
import { buildTemplate } from '@/lib/excel/template';
import { getReportForm } from '@/lib/queries/reporting/form';
import { importPreviewSchema } from '@/lib/schemas/reporting';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest): Promise<Response> {
  return handleDownload(request, { schema: importPreviewSchema, permission: 'figure.import', name: 'reportingTemplate' }, async (actor, input) => {
    const form = await getReportForm(actor, { month: input.month });
    return fileResponse(await buildTemplate(form), `${form.unit.name}-${input.month}-填报模板.xlsx`, XLSX_TYPE);
  });
}
