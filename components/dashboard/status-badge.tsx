import type { ProgressStatus } from '@/lib/progress/types';

// Colour plus a glyph plus the word: status never rests on colour alone (and survives black-and-white print). The
// glyph is the badge's ::before content in app/globals.css (hidden from screen readers), not an element of its own.
/** The left edge of a card, in the status colour (classes in app/globals.css). */
export const statusEdge: Record<ProgressStatus, string> = {
  met: 'edge-met',
  on_track: 'edge-on_track',
  behind: 'edge-behind',
  far_behind: 'edge-far_behind',
  no_data: 'edge-no_data',
};

export function StatusBadge({ status, label, size = 'sm' }: { status: ProgressStatus; label: string; size?: 'sm' | 'md' }) {
  return (
    <span className={size === 'md' ? 'badge-md' : undefined} data-status={status}>
      {label}
    </span>
  );
}
