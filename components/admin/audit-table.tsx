import { Link } from '@/components/ui/link';
import { Badge } from '@/components/ui/badge';
import { formatIp } from '@/lib/format';
import { formatTimestamp } from '@/lib/timestamp';
import type { AuditRowDto } from '@/lib/mutations/audit-log';

export interface AuditTableText {
  caption: string;
  at: string;
  actor: string;
  role: string;
  event: string;
  target: string;
  result: string;
  reason: string;
  ip: string;
  details: string;
  before: string;
  after: string;
  success: string;
  failure: string;
  empty: string;
  /** With `{total}`, `{page}`, `{pages}`. */
  total: string;
  prev: string;
  next: string;
  eventNames: Record<string, string>;
  roleNames: Record<string, string>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function compact(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const json = JSON.stringify(value);
  return json.length > 240 ? `${json.slice(0, 239)}…` : json;
}

/** When both sides are objects (a policy, a role list), only what changed is worth reading. */
function changed(before: unknown, after: unknown): [unknown, unknown] {
  if (!isRecord(before) || !isRecord(after)) return [before, after];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (keys.length === 0) return [before, after];
  return [Object.fromEntries(keys.map((k) => [k, before[k]])), Object.fromEntries(keys.map((k) => [k, after[k]]))];
}


export function AuditTable({
  rows,
  total,
  page,
  pages,
  pageHref,
  text: t,
}: {
  rows: AuditRowDto[];
  total: number;
  page: number;
  pages: number;
  pageHref: (page: number) => string;
  text: AuditTableText;
}) {
  const summary = t.total.replace('{total}', String(total)).replace('{page}', String(page)).replace('{pages}', String(pages));
  return (
    <section className="mb-6 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm print:overflow-visible">
      <table className="w-full min-w-[1000px] table-fixed text-sm print:min-w-0 print:text-[8pt] print:[&_td]:px-1 print:[&_th]:px-1">
        <caption className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-left">
          <span className="text-base font-semibold text-brand-900">{t.caption}</span>
          <span className="ml-3 text-sm text-slate-600">{summary}</span>
        </caption>
        <colgroup>
          <col className="w-[12%]" />
          <col className="w-[11%]" />
          <col className="w-[8%]" />
          <col className="w-[14%]" />
          <col className="w-[9%]" />
          <col className="w-[7%]" />
          <col className="w-[9%]" />
          <col className="w-[8%]" />
          <col className="w-[22%]" />
        </colgroup>
        <thead className="text-left text-xs text-slate-500">
          <tr className="border-b border-slate-200">
            <th scope="col" className="px-2 py-2 font-medium">{t.at}</th>
            <th scope="col" className="px-2 py-2 font-medium">{t.actor}</th>
            <th scope="col" className="px-2 py-2 font-medium">{t.role}</th>
            <th scope="col" className="px-2 py-2 font-medium">{t.event}</th>
            <th scope="col" className="px-2 py-2 font-medium">{t.target}</th>
            <th scope="col" className="px-2 py-2 font-medium">{t.result}</th>
            <th scope="col" className="px-2 py-2 font-medium">{t.reason}</th>
            <th scope="col" className="px-2 py-2 font-medium">{t.ip}</th>
            <th scope="col" className="px-2 py-2 font-medium">{t.details}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={9} className="px-3 py-6 text-center text-slate-500">
                {t.empty}
              </td>
            </tr>
          ) : (
            rows.map((r) => {
              const [was, now] = changed(r.before, r.after);
              const before = compact(was);
              const after = compact(now);
              return (
                <tr key={r.id} className="border-b border-slate-100 align-top last:border-0">
                  <td className="num px-2 py-1.5 whitespace-nowrap print:whitespace-normal">{formatTimestamp(r.at)}</td>
                  <td className="px-2 py-1.5 font-mono text-xs break-all">{r.actorName ?? '—'}</td>
                  <td className="px-2 py-1.5 text-xs">{r.actorRole ? r.actorRole.split(',').map((x) => t.roleNames[x] ?? x).join('、') : '—'}</td>
                  <td className="px-2 py-1.5">
                    <span className="block">{t.eventNames[r.event] ?? r.event}</span>
                    <span className="block font-mono text-xs break-all text-slate-500">{r.event}</span>
                  </td>
                  <td className="px-2 py-1.5 font-mono text-xs break-all">{r.targetType ? `${r.targetType}${r.targetId ? `:${r.targetId}` : ''}` : '—'}</td>
                  <td className="px-2 py-1.5 whitespace-nowrap">{r.result === 'success' ? <Badge tone="ok">{t.success}</Badge> : <Badge tone="bad">{r.result === 'failure' ? t.failure : r.result}</Badge>}</td>
                  <td className="px-2 py-1.5 text-xs break-words">{r.reason ?? ''}</td>
                  <td className="px-2 py-1.5 font-mono text-xs break-all">{formatIp(r.ip)}</td>
                  <td className="px-2 py-1.5 font-mono text-xs break-all text-slate-700">
                    {before ? (
                      <span className="block">
                        <span className="text-slate-500">{t.before}: </span>
                        {before}
                      </span>
                    ) : null}
                    {after ? (
                      <span className="block">
                        <span className="text-slate-500">{t.after}: </span>
                        {after}
                      </span>
                    ) : null}
                  </td>
                </tr>
              );
            })
          )}
        </tbody>
      </table>
      {pages > 1 ? (
        <nav aria-label={summary} className="no-print flex items-center justify-between border-t border-slate-200 px-3 py-2 text-sm">
          {page > 1 ? <Link href={pageHref(page - 1)} rel="prev" prefetch={false}>{t.prev}</Link> : <span className="text-slate-500">{t.prev}</span>}
          <span className="text-slate-600">{summary}</span>
          {page < pages ? <Link href={pageHref(page + 1)} rel="next" prefetch={false}>{t.next}</Link> : <span className="text-slate-500">{t.next}</span>}
        </nav>
      ) : null}
    </section>
  );
}
