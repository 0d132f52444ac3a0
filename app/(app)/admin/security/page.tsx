import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { adminText, selectedUserId, userTableText, type SearchParams } from '@/app/(app)/admin/_lib/page-support';
import { AccountDangerForm, AssignRolesForm, PolicyForm } from '@/components/admin/security-forms';
import { policyFields, type PolicyField } from '@/components/admin/types';
import { NoRoleNotice } from '@/components/admin/no-role-notice';
import { UserTable } from '@/components/admin/user-table';
import { PageHeader } from '@/components/ui/page-header';
import { formatDateTime } from '@/lib/format';
import { assignRolesAction, resetSecondFactorAction, terminateSessionsAction, updateSecurityPolicyAction } from '@/lib/actions/admin';
import { requireSession } from '@/lib/auth/current-actor';
import { refusePage } from '@/lib/gate/page';
import { systemClock } from '@/lib/clock';
import { allRoles, can } from '@/lib/permissions';
import { getDurabilityCheck } from '@/lib/queries/durability';
import { getSecurityPolicy, getSecurityPolicyVersion, listUsers } from '@/lib/queries/security';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('security.title') };
}

export default async function AdminSecurityPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireSession();
  const { t, roleNames, locale } = await adminText();
  const actor = session.actor;
  // The page checks for itself: the menu only hides the link. Each part needs its own permission.
  const mayAssign = can(actor, 'role.assign');
  const mayEditPolicy = can(actor, 'policy.edit');
  const mayTerminate = can(actor, 'session.terminate');
  const mayResetSecondFactor = can(actor, 'secondFactor.reset');
  if (!mayAssign && !mayEditPolicy && !mayTerminate && !mayResetSecondFactor) return refusePage(actor, { permission: 'role.assign', path: '/admin/security' }, { title: t('forbiddenTitle'), message: t('forbidden', { role: roleNames.security_admin }) });

  const [users, policy, policyVersion, params, durability] = await Promise.all([listUsers(actor, systemClock()), getSecurityPolicy(), getSecurityPolicyVersion(), searchParams, getDurabilityCheck()]);
  const selected = users.find((u) => u.id === selectedUserId(params)) ?? null;
  const field = (kind: '' | 'Hint') => Object.fromEntries(policyFields.map((f) => [f, t(`security.${f}${kind}`)])) as Record<PolicyField, string>;

  return (
    <>
      <PageHeader title={t('security.title')} subtitle={t('security.subtitle')} />
      <NoRoleNotice count={users.filter((u) => u.roles.length === 0).length} text={t('security.withoutRole', { count: users.filter((u) => u.roles.length === 0).length })} />
      <p className="print-only mb-2 text-xs text-slate-600">{t('printedAt', { at: formatDateTime(systemClock(), locale) })}</p>
      {durability.off.length > 0 ? (
        <p role={durability.engine === 'pglite' ? 'note' : 'alert'} className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t(durability.engine === 'pglite' ? 'security.durabilityEmbedded' : 'security.durabilityOff', { settings: durability.off.join(', ') })}
        </p>
      ) : null}
      {selected && (mayAssign || mayTerminate || mayResetSecondFactor) ? (
        <section aria-labelledby="user-panel-title" className="no-print mb-6 rounded-lg border border-brand-100 bg-white p-4 shadow-sm">
          <div className="mb-3 flex items-baseline justify-between gap-3">
            <h2 id="user-panel-title" className="text-lg font-semibold text-brand-900">
              {t('security.panelTitle', { name: selected.displayName, username: selected.username })}
            </h2>
            <Link href="/admin/security" className="text-sm">
              {t('close')}
            </Link>
          </div>
          <div className="grid gap-6 md:grid-cols-2">
            {mayAssign ? (
              <AssignRolesForm
                key={`roles-${selected.id}`}
                action={assignRolesAction}
                user={selected}
                roles={allRoles.map((r) => ({ value: r, label: roleNames[r] }))}
                text={{ title: t('security.rolesTitle'), hint: t('security.rolesHint'), submit: t('security.rolesSubmit'), saved: t('security.rolesSaved') }}
              />
            ) : null}
            {mayTerminate ? (
              <AccountDangerForm
                key={`sessions-${selected.id}`}
                action={terminateSessionsAction}
                hidden={{ userId: selected.id }}
                idPrefix="terminate"
                text={{
                  title: t('security.terminateTitle'),
                  hint: t('security.terminateHint', { count: selected.openSessions }),
                  reason: t('security.reason'),
                  submit: t('security.terminateSubmit'),
                  done: t.raw('security.terminated') as string,
                }}
              />
            ) : null}
            {mayResetSecondFactor && selected.id !== actor.userId ? (
              selected.totpEnabled ? (
                <AccountDangerForm
                  key={`totp-${selected.id}`}
                  action={resetSecondFactorAction}
                  hidden={{ userId: selected.id, version: selected.version }}
                  idPrefix="reset-totp"
                  text={{
                    title: t('security.resetTotpTitle'),
                    hint: t('security.resetTotpHint'),
                    reason: t('security.reason'),
                    submit: t('security.resetTotpSubmit'),
                    done: t.raw('security.resetTotpDone') as string,
                  }}
                />
              ) : (
                <p className="text-sm text-slate-500">{t('security.resetTotpNone')}</p>
              )
            ) : null}
          </div>
        </section>
      ) : null}
      <UserTable users={users} locale={locale} selectedId={selected?.id} manageHref={(id) => `/admin/security?user=${id}`} text={userTableText(t, roleNames, t('security.usersTitle'))} />
      {mayEditPolicy ? (
        <div className="no-print mb-6 max-w-3xl">
          <PolicyForm
            action={updateSecurityPolicyAction}
            policy={policy}
            version={policyVersion}
            text={{
              title: t('security.policyTitle'),
              hint: t('security.policyHint'),
              submit: t('security.policySubmit'),
              saved: t('security.policySaved'),
              labels: field(''),
              hints: field('Hint'),
              secondFactor: { legend: t('security.secondFactorLegend'), label: t('security.secondFactorForAll'), hint: t('security.secondFactorForAllHint') },
            }}
          />
        </div>
      ) : null}
    </>
  );
}
