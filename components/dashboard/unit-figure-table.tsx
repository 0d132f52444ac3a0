import { Link } from '@/components/ui/link';

export interface UnitFigureRowView {
  code: string;
  href: string;
  name: string;
  value: string | null;
  month: string | null;
  yoy: string | null;
  district: string | null;
}

/** A town's or park's own figures in the indicators broken down to it, next to the district's. */
export function UnitFigureTable({
  rows,
  text,
}: {
  rows: UnitFigureRowView[];
  text: { caption: string; indicator: string; value: string; yoy: string; district: string; none: string };
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[520px] text-sm">
        <caption className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-left font-semibold text-brand-900">{text.caption}</caption>
        <thead className="text-left text-xs text-slate-500">
          <tr className="border-b border-slate-200">
            <th scope="col" className="px-3 py-2 font-medium">{text.indicator}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{text.value}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{text.yoy}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{text.district}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <Link href={r.href}>{r.name}</Link>
              </th>
              <td className="num whitespace-nowrap px-3 py-2 text-right">
                {r.value ? (
                  <>
                    <span className="font-semibold">{r.value}</span>
                    <span className="ml-1 text-xs text-slate-500">{r.month}</span>
                  </>
                ) : (
                  <span className="text-slate-500">{text.none}</span>
                )}
              </td>
              <td className="num px-3 py-2 text-right text-slate-600">{r.yoy ?? '—'}</td>
              <td className="num px-3 py-2 text-right text-slate-600">{r.district ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
