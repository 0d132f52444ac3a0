import { redirect } from 'next/navigation';
import { requireSession } from '@/lib/auth/current-actor';
import { systemClock } from '@/lib/clock';
import { resolveMonthParam } from '@/lib/month-param';
import { lastClosedMonth } from '@/lib/periods';

/** /report → the current reporting month (the month before now, China Standard Time); `?month=` picks another. */
export default async function ReportIndexPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireSession();
  const month = resolveMonthParam((await searchParams).month, lastClosedMonth(systemClock()));
  redirect(`/report/${month}`);
}
