import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { entryText } from '@/app/(app)/report/_lib/entry-text';
import { ImportForm } from '@/components/reporting/import-form';
import { fill } from '@/components/reporting/types';
import { PageHeader } from '@/components/ui/page-header';
import { importReportAction } from '@/lib/actions/reporting-entry';
import { requireSession } from '@/lib/auth/current-actor';
import { refusePage } from '@/lib/gate/page';
import { formatMonth } from '@/lib/format';
import { isMonth } from '@/lib/periods';
import { can } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reporting'))('entry.import') };
}

export default async function ReportImportPage({ params }: { params: Promise<{ month: string }> }) {
  const session = await requireSession();
  const { month } = await params;
  if (!isMonth(month)) notFound();
  const { locale, text, labels, validation } = await entryText();
  if (!can(session.actor, 'figure.import', { unitId: session.actor.unitId }) || session.actor.unitId === null) return refusePage(session.actor, { permission: 'figure.import', path: `/report/${month}/import` }, { title: text.import, message: text.forbidden });
  return (
    <>
      <PageHeader
        title={fill(text.importTitle, { month: formatMonth(month, locale) })}
        actions={
          <div className="no-print flex flex-wrap gap-2 text-sm">
            <Link href={`/report/${month}`} className="rounded border border-slate-300 bg-white px-3 py-1.5">
              {text.back}
            </Link>
            <a href={`/api/reporting/template?month=${month}`} className="rounded border border-slate-300 bg-white px-3 py-1.5" download>
              {text.template}
            </a>
          </div>
        }
      />
      <ImportForm action={importReportAction} month={month} text={text} rowLabels={labels.importRow} validation={validation} breakdownTemplates={labels.breakdown} />
    </>
  );
}
