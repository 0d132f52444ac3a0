import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { adminText, selectedUserId, unitChoices, userTableText, type SearchParams } from '@/app/(app)/admin/_lib/page-support';
import { AssignUnitForm, CreateUserForm, ResetPasswordForm, SetDisabledForm } from '@/components/admin/user-forms';
import { NoRoleNotice } from '@/components/admin/no-role-notice';
import { UserTable } from '@/components/admin/user-table';
import { PageHeader } from '@/components/ui/page-header';
import { formatDateTime } from '@/lib/format';
import { assignUnitAction, createUserAction, resetPasswordAction, setUserDisabledAction } from '@/lib/actions/admin';
import { gatePage } from '@/lib/gate/page';
import { systemClock } from '@/lib/clock';
import { getCurrentPlan, listUnits } from '@/lib/queries/plan';
import { getSecurityPolicy, listUsers } from '@/lib/queries/security';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('users.title') };
}

export default async function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  const { t, units: unitText, roleNames, locale } = await adminText();
  const gate = await gatePage('user.manage', '/admin/users', { title: t('forbiddenTitle'), message: t('forbidden', { role: roleNames.system_admin }) });
  if (gate.refused) return gate.refused;
  const session = gate.session;

  const [users, policy, plan, params] = await Promise.all([listUsers(session.actor, systemClock()), getSecurityPolicy(), getCurrentPlan(session.actor), searchParams]);
  const units = unitChoices(await listUnits(session.actor, plan.id), (kind) => unitText(`kind.${kind}`));
  const selected = users.find((u) => u.id === selectedUserId(params)) ?? null;
  const passwordHint = t('users.temporaryPasswordHint', { min: policy.minLength, classes: policy.minClasses });

  return (
    <>
      <PageHeader title={t('users.title')} subtitle={t('users.subtitle')} />
      <NoRoleNotice count={users.filter((u) => u.roles.length === 0).length} text={t('users.withoutRole', { count: users.filter((u) => u.roles.length === 0).length })} />
      <p className="print-only mb-2 text-xs text-slate-600">{t('printedAt', { at: formatDateTime(systemClock(), locale) })}</p>
      {selected ? (
        <section aria-labelledby="user-panel-title" className="no-print mb-6 rounded-lg border border-brand-100 bg-white p-4 shadow-sm">
          <div className="mb-3 flex items-baseline justify-between gap-3">
            <h2 id="user-panel-title" className="text-lg font-semibold text-brand-900">
              {t('users.panelTitle', { name: selected.displayName, username: selected.username })}
            </h2>
            <Link href="/admin/users" className="text-sm">
              {t('close')}
            </Link>
          </div>
          <div className="grid gap-6 md:grid-cols-3">
            <AssignUnitForm
              key={`unit-${selected.id}`}
              action={assignUnitAction}
              user={selected}
              units={units}
              text={{ title: t('users.unitTitle'), unit: t('users.unit'), noUnit: t('noUnit'), submit: t('users.unitSubmit'), saved: t('users.unitSaved') }}
            />
            <SetDisabledForm
              key={`disable-${selected.id}`}
              action={setUserDisabledAction}
              user={selected}
              text={{
                disableTitle: t('users.disableTitle'),
                enableTitle: t('users.enableTitle'),
                disableHint: t('users.disableHint'),
                enableHint: t('users.enableHint'),
                reason: t('users.reason'),
                disable: t('users.disableSubmit'),
                enable: t('users.enableSubmit'),
                disabledDone: t('users.disabledDone'),
                enabledDone: t('users.enabledDone'),
              }}
            />
            <ResetPasswordForm
              key={`reset-${selected.id}`}
              action={resetPasswordAction}
              user={selected}
              text={{
                title: t('users.resetTitle'),
                hint: t('users.resetHint'),
                temporaryPassword: t('users.temporaryPassword'),
                temporaryPasswordHint: passwordHint,
                submit: t('users.resetSubmit'),
                done: t('users.resetDone'),
              }}
            />
          </div>
        </section>
      ) : (
        <div className="no-print mb-6">
          <CreateUserForm
            action={createUserAction}
            units={units}
            text={{
              title: t('users.createTitle'),
              username: t('users.username'),
              usernameHint: t('users.usernameHint'),
              displayName: t('users.displayName'),
              unit: t('users.unit'),
              unitHint: t('users.unitHint'),
              noUnit: t('noUnit'),
              temporaryPassword: t('users.temporaryPassword'),
              temporaryPasswordHint: passwordHint,
              submit: t('users.createSubmit'),
              created: t.raw('users.created') as string,
            }}
          />
        </div>
      )}
      <UserTable
        users={users}
        locale={locale}
        selectedId={selected?.id}
        manageHref={(id) => `/admin/users?user=${id}`}
        text={userTableText(t, roleNames, t('users.count', { count: users.length }))}
      />
    </>
  );
}
