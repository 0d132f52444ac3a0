import { Link } from '@/components/ui/link';

export interface PartyView {
  label: string;
  unitId: number | null;
}

/** A lead or responsible list, in the document's order and spelling; units link to their page. */
export function PartyList({ parties }: { parties: PartyView[] }) {
  return (
    <span>
      {parties.map((p, i) => (
        <span key={`${p.label}-${i}`}>
          {i > 0 ? '、' : null}
          {p.unitId ? <Link href={`/units/${p.unitId}`}>{p.label}</Link> : <span>{p.label}</span>}
        </span>
      ))}
    </span>
  );
}
