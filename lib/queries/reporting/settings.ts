// Server only. The reporting settings as the bureau's settings page shows them (due day, jump threshold, first month).
import 'server-only';
import { getDb } from '@/lib/db/client';
import { loadReportingSettings } from '@/lib/mutations/reporting/form-store';
import type { ReportingSettings } from '@/lib/reporting/settings';

export async function getReportingSettings(): Promise<ReportingSettings & { version: number }> {
  return loadReportingSettings(await getDb());
}
