import type { ProgressStatus } from '@/lib/progress/types';

/** Colour plus a glyph plus the word: status never rests on colour alone (and survives black-and-white print). */
const styles: Record<ProgressStatus, { tone: string; glyph: string }> = {
  met: { tone: 'bg-emerald-700 text-white ring-emerald-800', glyph: '✓' },
  on_track: { tone: 'bg-green-50 text-green-800 ring-green-300', glyph: '●' },
  behind: { tone: 'bg-amber-50 text-amber-900 ring-amber-400', glyph: '▲' },
  far_behind: { tone: 'bg-red-700 text-white ring-red-800', glyph: '■' },
  no_data: { tone: 'bg-slate-100 text-slate-600 ring-slate-300', glyph: '–' },
};

/** The left edge of a card, in the status colour. */
export const statusEdge: Record<ProgressStatus, string> = {
  met: 'border-l-emerald-700',
  on_track: 'border-l-green-500',
  behind: 'border-l-amber-500',
  far_behind: 'border-l-red-700',
  no_data: 'border-l-slate-300',
};

export function StatusBadge({ status, label, size = 'sm' }: { status: ProgressStatus; label: string; size?: 'sm' | 'md' }) {
  const { tone, glyph } = styles[status];
  const sizing = size === 'md' ? 'px-2 py-1 text-sm' : 'px-1.5 py-0.5 text-xs';
  return (
    <span className={`inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded font-medium ring-1 ring-inset [print-color-adjust:exact] ${sizing} ${tone}`} data-status={status}>
      <span aria-hidden="true">{glyph}</span>
      {label}
    </span>
  );
}
