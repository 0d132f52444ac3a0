import { Link } from '@/components/ui/link';
import { Badge } from '@/components/ui/badge';
import type { UserDto } from '@/lib/queries/security';
import { formatDateTime, type Locale } from '@/lib/format';

export interface UserTableText {
  caption: string;
  username: string;
  displayName: string;
  unit: string;
  roles: string;
  status: string;
  lastSignIn: string;
  sessions: string;
  actions: string;
  manage: string;
  noRoles: string;
  noUnit: string;
  never: string;
  active: string;
  disabled: string;
  /** With `{time}`. */
  lockedUntil: string;
  mustChange: string;
  totp: string;
  noTotp: string;
  demo: string;
  roleNames: Record<string, string>;
}

/** Every account with what an admin needs to judge it; the manage column is left off paper. */
export function UserTable({ users, text, locale, manageHref, selectedId }: { users: UserDto[]; text: UserTableText; locale: Locale; manageHref: (id: number) => string; selectedId?: number | null }) {
  return (
    <section className="mb-6 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm print:overflow-visible">
      <table className="w-full min-w-[880px] text-sm print:min-w-0 print:text-[9pt] print:[&_td]:px-1.5 print:[&_th]:px-1.5">
        <caption className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-left text-base font-semibold text-brand-900">{text.caption}</caption>
        <thead className="text-left text-xs text-slate-500">
          <tr className="border-b border-slate-200">
            <th scope="col" className="px-3 py-2 font-medium">{text.username}</th>
            <th scope="col" className="px-3 py-2 font-medium">{text.displayName}</th>
            <th scope="col" className="px-3 py-2 font-medium">{text.unit}</th>
            <th scope="col" className="px-3 py-2 font-medium">{text.roles}</th>
            <th scope="col" className="px-3 py-2 font-medium">{text.status}</th>
            <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">{text.lastSignIn}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{text.sessions}</th>
            <th scope="col" className="no-print px-3 py-2 font-medium">
              <span className="sr-only">{text.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} aria-current={u.id === selectedId ? 'true' : undefined} className={`border-b border-slate-100 align-middle last:border-0 ${u.id === selectedId ? 'bg-brand-50 print:bg-transparent' : ''}`}>
              <th scope="row" className="px-3 py-2 text-left font-mono font-normal">
                {u.username}
              </th>
              <td className="px-3 py-2">{u.displayName}</td>
              <td className="px-3 py-2 text-slate-700">{u.unitName ?? <span className="text-slate-500">{text.noUnit}</span>}</td>
              <td className="px-3 py-2">{u.roles.length ? u.roles.map((r) => text.roleNames[r] ?? r).join('、') : <Badge tone="warn">{text.noRoles}</Badge>}</td>
              <td className="px-3 py-2">
                <span className="flex flex-wrap gap-1">
                  {u.disabled ? <Badge tone="bad">{text.disabled}</Badge> : null}
                  {u.lockedUntil ? <Badge tone="warn">{text.lockedUntil.replace('{time}', formatDateTime(new Date(u.lockedUntil), locale))}</Badge> : null}
                  {!u.disabled && !u.lockedUntil ? <Badge tone="ok">{text.active}</Badge> : null}
                  {u.mustChangePassword ? <Badge tone="warn">{text.mustChange}</Badge> : null}
                  {u.totpEnabled ? <Badge tone="info">{text.totp}</Badge> : <Badge>{text.noTotp}</Badge>}
                  {u.isDemo ? <Badge>{text.demo}</Badge> : null}
                </span>
              </td>
              <td className="num px-3 py-2 whitespace-nowrap">{u.lastSignInAt ? formatDateTime(new Date(u.lastSignInAt), locale) : <span className="text-slate-500">{text.never}</span>}</td>
              <td className="num px-3 py-2 text-right">{u.openSessions}</td>
              <td className="no-print px-3 py-2">
                <Link href={manageHref(u.id)} aria-label={`${text.manage} ${u.username}`}>
                  {text.manage}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
