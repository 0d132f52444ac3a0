// Pure: the reporting settings (stored as the `reporting` AppSetting row) with their defaults.
import { z } from 'zod';
import type { Month } from '@/lib/periods';

export const REPORTING_SETTING_KEY = 'reporting';

export interface ReportingSettings {
  /** A month's report is due on this day of the following month (China Standard Time, end of day). */
  dueDay: number;
  /** Share of the previous figure beyond which a change warns and needs a comment (0.3 = 30 %). */
  jumpThreshold: number;
  /**
   * The first reporting month the platform asks for; earlier months count neither as expected nor as missing.
   * null: the month of the plan's earliest report (the platform went live then).
   */
  firstMonth: Month | null;
}

export const defaultReportingSettings: ReportingSettings = { dueDay: 5, jumpThreshold: 0.3, firstMonth: null };

/** Days 1–28 exist in every month. */
export const reportingSettingsShape = {
  dueDay: z.number().int().min(1).max(28),
  jumpThreshold: z.number().min(0.01).max(10),
  firstMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).nullable(),
};

const storedSchema = z.object(reportingSettingsShape).partial();

/** Whatever is stored (possibly from an older version, possibly hand-edited) over the defaults; bad fields are ignored. */
export function readReportingSettings(stored: unknown): ReportingSettings {
  const out = { ...defaultReportingSettings };
  if (!stored || typeof stored !== 'object') return out;
  for (const key of Object.keys(reportingSettingsShape) as (keyof ReportingSettings)[]) {
    const parsed = storedSchema.shape[key].safeParse((stored as Record<string, unknown>)[key]);
    if (parsed.success && parsed.data !== undefined) (out as Record<string, unknown>)[key] = parsed.data;
  }
  return out;
}
