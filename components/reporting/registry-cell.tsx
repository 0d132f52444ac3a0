// A figure counted from the enterprise registry: never typed. The cell shows the registry's count for the month (a
// link to the firms behind it when the viewer may read the list) and what is stored in the slot; the figure is
// written by 按企业库计数填入 (source `registry`) and then submitted and reviewed like any other.
import { Link } from '@/components/ui/link';
import { sameFigure } from '@/lib/reporting/figures';
import { fill, type EntryItem } from './types';

export function RegistryCell({ id, item, label, text: t }: { id: string; item: EntryItem; label: string; text: Record<string, string> }) {
  const r = item.registry!;
  const stored = item.current?.text ?? null;
  const note = stored === null ? t.registryNotStored : sameFigure(stored, String(r.count)) ? t.registryStored : fill(t.registryDiffers, { value: stored });
  return (
    <div id={id} data-registry-cell={item.key} className="text-right tabular-nums">
      {r.href ? (
        <Link href={r.href} data-registry-link className="font-medium text-brand-800 underline" aria-label={fill(t.registryLinkLabel, { label, count: r.count })}>
          {r.count}
        </Link>
      ) : (
        <span className="font-medium">{r.count}</span>
      )}
      <span className="block whitespace-nowrap text-xs text-slate-500" data-registry-stored>
        {note}
      </span>
    </div>
  );
}
