// One line about a breakdown against its total (lib/reporting/breakdown-check.ts): the sum so far, a match, a
// difference with both numbers (a soft check, amber), or why parks are not compared. No hooks: the form draws it live
// as the reporter types, the reviewer's page from what is stored.
import type { BreakdownCheck } from '@/lib/reporting/breakdown-check';

export type BreakdownTemplates = Record<'mismatch' | 'match' | 'incomplete' | 'overlap', string>;

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

export function breakdownText(check: BreakdownCheck, group: string, unit: string, templates: BreakdownTemplates, format: (figure: string) => string = (f) => f): string | null {
  if (check.status === 'notAdditive') return null;
  const values: Record<string, string | number> = { group, unit, sum: format(check.sum) };
  if (check.status === 'mismatch') Object.assign(values, { total: format(check.total), difference: check.difference.startsWith('-') ? `-${format(check.difference.slice(1))}` : format(check.difference) });
  if (check.status === 'incomplete' || check.status === 'overlap') Object.assign(values, { entered: check.entered, members: check.members });
  return fill(templates[check.status], values);
}

export function BreakdownNote({ check, group, unit, templates, groupId, format }: { check: BreakdownCheck; group: string; unit: string; templates: BreakdownTemplates; groupId: number; format?: (figure: string) => string }) {
  const text = breakdownText(check, group, unit, templates, format);
  if (text === null) return null;
  const tone = check.status === 'mismatch' ? 'text-amber-900 bg-amber-50 ring-1 ring-amber-200 rounded px-2 py-1' : 'text-slate-700';
  return (
    <p className={`text-sm ${tone}`} data-breakdown-check={check.status} data-group-total={groupId}>
      {check.status === 'mismatch' ? '⚠ ' : null}
      {text}
    </p>
  );
}
