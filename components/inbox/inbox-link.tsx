import { Link } from '@/components/ui/link';

/**
 * The header's 待办 link: the count of entries waiting, highlighted when there are any. Its accessible name is its
 * visible words ("待办 3"), so that speech control finds it by what it shows (WCAG 2.5.3); `label` is the tooltip.
 */
export function InboxLink({ count, label, text }: { count: number; label: string; text: string }) {
  return (
    <Link href="/inbox" title={label} data-inbox-count={count} className="hdr-btn inline-flex items-center gap-1 hover:no-underline">
      {text}{' '}
      <span className={`min-w-[1.25rem] rounded-full px-1.5 text-center font-semibold ${count > 0 ? 'bg-amber-400 text-brand-900' : 'bg-white/20 text-white'}`}>{count}</span>
    </Link>
  );
}
