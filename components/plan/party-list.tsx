import { useLocale } from 'next-intl';
import { Link } from '@/components/ui/link';
import { listSeparator, type Locale } from '@/lib/format';

export interface PartyView {
  label: string;
  unitId: number | null;
}

/** A lead or responsible list, in the document's order and spelling; units link to their page. */
export function PartyList({ parties }: { parties: PartyView[] }) {
  const separator = listSeparator(useLocale() as Locale);
  return (
    <span>
      {parties.map((p, i) => (
        <span key={`${p.label}-${i}`}>
          {i > 0 ? separator : null}
          {p.unitId ? <Link href={`/units/${p.unitId}`}>{p.label}</Link> : <span>{p.label}</span>}
        </span>
      ))}
    </span>
  );
}
