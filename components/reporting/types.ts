// Props of the reporter's form: the parts of the report-form DTO it draws (components never import lib/queries).
import type { ReactNode } from 'react';
import type { ActionState } from '@/lib/actions/action-state';
import type { IndicatorKind } from '@/lib/generated/prisma/enums';
import type { GroupCoverage } from '@/lib/reporting/breakdown-check';
import type { BreakdownTemplates } from './breakdown-note';

export type ItemStatus = 'draft' | 'submitted' | 'returned' | 'approved';

export interface EntryItem {
  key: string;
  subject: { id: number; name: string };
  period: string;
  stage: 'final' | 'provisional';
  required: boolean;
  groupId: number | null;
  previous: { period: string; value: number; status: ItemStatus } | null;
  current: { id: number; text: string; status: ItemStatus; version: number; comment: string | null; warnings: string[]; returnReason: string | null } | null;
  editable: boolean;
  /** Counted from the enterprise registry: the month's count and the list behind it (null when the viewer may not read it). */
  registry?: { count: number; href: string | null };
}

export interface EntryIndicator {
  code: string;
  name: string;
  unit: string;
  decimals: number;
  kind: IndicatorKind;
  lagged: boolean;
  milestones: { year: number; text: string }[];
  items: EntryItem[];
  groups: { id: number; name: string; total: string; coverage: GroupCoverage }[];
  /** Counted from the enterprise registry: every cell is read only (components/reporting/registry-cell.tsx). */
  registryCounted?: boolean;
}

export interface EntryTask {
  id: number;
  no: number;
  title: string;
  role: 'lead' | 'responsible';
  required: boolean;
  current: { id: number; progress: string | null; narrative: string | null; note: string | null; status: ItemStatus; version: number; returnReason: string | null } | null;
  editable: boolean;
}

export interface EntryFormProps {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any action result: the form reads only counts
  action: (state: ActionState<any>, formData: FormData) => Promise<ActionState<any>>;
  unitId: number;
  month: string;
  indicators: EntryIndicator[];
  tasks: EntryTask[];
  canEdit: boolean;
  canSubmit: boolean;
  /** Server-rendered history disclosures, by item key or `task:<id>`. */
  histories: Record<string, ReactNode>;
  text: Record<string, string>;
  /** Labels of statuses, stages, progress and soft-check warnings. */
  labels: {
    status: Record<string, string>;
    stage: Record<string, string>;
    progress: Record<string, string>;
    warning: Record<string, string>;
    /** A breakdown against its total (reporting.breakdown). */
    breakdown: BreakdownTemplates;
    /** The `validation` namespace: a pasted column is checked in the browser with the server's message keys. */
    validation: Record<string, string>;
  };
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}
