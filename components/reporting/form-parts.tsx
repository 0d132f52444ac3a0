// Pieces every part of the reporter's form shares: the error slot under a field, the status badge, input styling.
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { EntryFormProps, EntryIndicator, EntryItem, ItemStatus } from './types';

const statusTone: Record<ItemStatus | 'none', BadgeTone> = { none: 'neutral', draft: 'info', submitted: 'warn', returned: 'bad', approved: 'ok' };

export function ErrorSlot({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <div id={id} aria-live="polite" className="text-sm text-red-700">
      {errors?.map((e) => <p key={e}>{e}</p>)}
    </div>
  );
}

export function StatusBadge({ status, labels }: { status: ItemStatus | 'none'; labels: Record<string, string> }) {
  return (
    <span data-item-status={status}>
      <Badge tone={statusTone[status]}>{labels[status] ?? status}</Badge>
    </span>
  );
}

export const inputClass = 'w-full rounded border border-slate-300 px-2 py-1.5 text-base focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid]:border-red-500 read-only:bg-slate-50';

export function fieldId(name: string): string {
  return name.replace(/[^a-zA-Z0-9_-]/g, '_');
}


export interface BlockProps {
  indicator: EntryIndicator;
  typed: Record<string, string>;
  errors?: Record<string, string[]>;
  histories: Record<string, React.ReactNode>;
  text: Record<string, string>;
  labels: EntryFormProps['labels'];
  month: string;
  /** Remember values filled by a paste, as if typed. */
  onFill: (values: Record<string, string>) => void;
}

/** What the reporter sees now: what was typed in this page, else what is stored. */
export function liveValue(typed: Record<string, string>, item: EntryItem): string | null {
  return typed[`values.${item.key}.value`] ?? item.current?.text ?? null;
}

