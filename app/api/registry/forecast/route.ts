// The re-certification work list of the expiry forecast as xlsx, within the viewer's scope.
import { z } from 'zod';
import type { NextRequest } from 'next/server';
import { fileResponse, XLSX_TYPE } from '@/app/api/_lib/respond';
import { handleDownload } from '@/lib/gate/route';
import { systemClock } from '@/lib/clock';
import { tableToXlsx } from '@/lib/excel/export';
import zh from '@/lib/i18n/messages/zh-CN/registry.json';
import { getExpiryForecast } from '@/lib/queries/registry/forecast';
import { dayInChina } from '@/lib/registry/dates';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest): Promise<Response> {
  return handleDownload(request, { schema: z.object({}).strict(), permission: 'registry.export', name: 'registryForecastExport' }, async (actor) => {
    const today = dayInChina(systemClock());
    const forecast = await getExpiryForecast(actor, today);
    const table = {
      title: zh.forecast.title,
      columns: [zh.forecast.quarter, zh.forecast.lastDay, zh.col.creditCode, zh.col.name, zh.col.town, zh.col.park],
      rows: forecast.workList.map((w) => [w.quarter, w.lastDay, w.creditCode, w.name, w.town, w.park]),
    };
    return fileResponse(await tableToXlsx(table), `高企重新认定工作清单-${today}.xlsx`, XLSX_TYPE);
  });
}
