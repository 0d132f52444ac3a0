// A month's bulletin as a 公文 .docx or its tables as .xlsx: published ones for every signed-in role, drafts for the
// bureau only (getBulletin decides). ?month=YYYY-MM&format=docx|xlsx
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { fileResponse, XLSX_TYPE } from '@/app/api/_lib/respond';
import { handleDownload } from '@/lib/gate/route';
import { bulletinToDocx } from '@/lib/bulletin/docx';
import { bulletinToXlsx } from '@/lib/bulletin/xlsx';
import { systemClock } from '@/lib/clock';
import { getBulletin } from '@/lib/queries/bulletin/read';
import { monthField } from '@/lib/schemas/reporting';

export const dynamic = 'force-dynamic';

const schema = z.object({ month: monthField, format: z.enum(['docx', 'xlsx'], 'validation.required') }).strict();
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function GET(request: NextRequest): Promise<Response> {
  return handleDownload(request, { schema, permission: 'bulletin.viewPublished', name: 'bulletinDownload' }, async (actor, input) => {
    const bulletin = await getBulletin(actor, input.month, systemClock());
    const name = `${bulletin.content.issue}-双倍增工作月通报${bulletin.status === 'draft' ? '-草稿' : ''}`;
    if (input.format === 'xlsx') return fileResponse(await bulletinToXlsx(bulletin.content), `${name}.xlsx`, XLSX_TYPE);
    return fileResponse(await bulletinToDocx(bulletin.content, { foreword: bulletin.foreword, remarks: bulletin.remarks, draft: bulletin.status === 'draft' }), `${name}.docx`, DOCX_TYPE);
  });
}
