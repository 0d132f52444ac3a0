// Server only. What the three admin pages share: role names, unit choices, the user table's words, the locale.
import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ChoiceGroup } from '@/components/ui/choice';
import type { UserTableText } from '@/components/admin/user-table';
import type { Locale } from '@/lib/format';
import { toLocale } from '@/lib/i18n/locale';
import { allRoles } from '@/lib/permissions';
import type { UnitSummaryDto } from '@/lib/queries/plan';

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function adminText() {
  const [t, auth, units, locale] = await Promise.all([getTranslations('admin'), getTranslations('auth'), getTranslations('units'), getLocale()]);
  const roleNames: Record<string, string> = Object.fromEntries(allRoles.map((r) => [r, auth(`roles.${r}`)]));
  return { t, units, roleNames, locale: toLocale(locale) as Locale };
}

/** `?user=12` selects the account whose forms are shown; anything else selects none. */
export function selectedUserId(params: Record<string, string | string[] | undefined>): number | null {
  const raw = params.user;
  return typeof raw === 'string' && /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}

const KIND_ORDER = ['department', 'town', 'park', 'company', 'other'] as const;

export function unitChoices(units: UnitSummaryDto[], kindName: (kind: string) => string): ChoiceGroup[] {
  return KIND_ORDER.map((kind) => ({ label: kindName(kind), options: units.filter((u) => u.kind === kind).map((u) => ({ value: String(u.id), label: u.name })) })).filter(
    (g) => g.options.length > 0,
  );
}

export function userTableText(t: Awaited<ReturnType<typeof adminText>>['t'], roleNames: Record<string, string>, caption: string): UserTableText {
  return {
    caption,
    username: t('columns.username'),
    displayName: t('columns.displayName'),
    unit: t('columns.unit'),
    roles: t('columns.roles'),
    status: t('columns.status'),
    lastSignIn: t('columns.lastSignIn'),
    sessions: t('columns.sessions'),
    actions: t('columns.actions'),
    manage: t('manage'),
    noRoles: t('noRoles'),
    noUnit: t('none'),
    never: t('never'),
    active: t('status.active'),
    disabled: t('status.disabled'),
    lockedUntil: t.raw('status.lockedUntil') as string,
    mustChange: t('status.mustChange'),
    totp: t('status.totp'),
    noTotp: t('status.noTotp'),
    demo: t('status.demo'),
    roleNames,
  };
}
