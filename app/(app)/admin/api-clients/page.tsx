import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ApiClientForm } from '@/components/admin/api-client-form';
import { ApiClientTable, type ApiClientRow } from '@/components/admin/api-client-table';
import { PageHeader } from '@/components/ui/page-header';
import { createApiClientAction, revokeApiClientAction } from '@/lib/actions/api-clients';
import { DEFAULT_RATE_LIMIT } from '@/lib/api/rate';
import { systemClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { formatDateTime, type Locale } from '@/lib/format';
import { gatePage } from '@/lib/gate/page';
import { listApiClients } from '@/lib/queries/api/clients';
import { getCurrentPlan, listIndicators, listUnits } from '@/lib/queries/plan';
import { dayInChina } from '@/lib/registry/dates';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('api'))('title') };
}

/** API clients of /api/v1 (issue 15): the system admin creates them (the token shown once) and revokes them. */
export default async function ApiClientsPage() {
  const { actor, refused } = await gatePage('apiClient.manage', '/admin/api-clients');
  if (refused) return refused;
  const [t, locale] = await Promise.all([getTranslations('api'), getLocale() as Promise<Locale>]);
  const plan = await getCurrentPlan(actor);
  const [clients, units, indicators] = await Promise.all([listApiClients(actor), listUnits(actor, plan.id), listIndicators(actor, plan.id)]);
  const now = systemClock();
  const today = dayInChina(now);
  const defaultRate = env().API_RATE_LIMIT ?? DEFAULT_RATE_LIMIT;
  const rows: ApiClientRow[] = clients.map((c) => {
    const state = c.revokedAt ? 'revoked' : c.expiresAt <= now ? 'expired' : 'active';
    const scopeText = [
      c.unitIds.length ? t('list.units', { ids: c.unitIds.join(', ') }) : null,
      c.indicatorIds.length ? t('list.indicators', { ids: c.indicatorIds.join(', ') }) : null,
      c.allowedIps.length ? t('list.ips', { ips: c.allowedIps.join(', ') }) : t('list.anyIp'),
    ]
      .filter(Boolean)
      .join('；');
    return {
      id: c.id,
      name: c.name,
      scopes: c.scopes.map((s) => t(`list.scopeNames.${s}`)),
      scopeText,
      tokenPrefix: c.tokenPrefix,
      // Stored as the first instant it no longer works; shown as the last day it does (China time).
      expires: dayInChina(new Date(c.expiresAt.getTime() - 1)),
      rate: t('list.perMinute', { n: c.rateLimitPerMinute ?? defaultRate }),
      state,
      stateText: state === 'revoked' ? t('list.revoked', { at: formatDateTime(c.revokedAt!, locale) }) : t(`list.${state}`),
      version: c.version,
    };
  });
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={
          <>
            {t('intro')}{' '}
            <a href="/api/v1/openapi.json" className="text-brand-700 underline">
              {t('openapi')}
            </a>
          </>
        }
      />
      <div className="grid gap-6">
        <ApiClientForm
          action={createApiClientAction}
          units={units.map((u) => ({ value: String(u.id), label: `${u.name}（${u.id}）` }))}
          indicators={indicators.map((i) => ({ value: String(i.id), label: `${i.name}（${i.code}）` }))}
          defaultExpiry={`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`}
          text={{
            title: t('form.title'),
            name: t('form.name'),
            scopes: t('form.scopes'),
            scope: { read: t('form.scope.read'), report: t('form.scope.report'), registry: t('form.scope.registry') },
            unitIds: t('form.unitIds'),
            indicatorIds: t('form.indicatorIds'),
            allowedIps: t('form.allowedIps'),
            ipsHint: t('form.ipsHint'),
            expiresAt: t('form.expiresAt'),
            rate: t('form.rate'),
            rateHint: t('form.rateHint', { n: defaultRate }),
            submit: t('form.submit'),
            createdTitle: t.raw('created.title') as string,
            tokenLabel: t('created.token'),
            tokenWarn: t('created.warn'),
          }}
        />
        <ApiClientTable
          rows={rows}
          action={revokeApiClientAction}
          text={{
            caption: t('list.title'),
            empty: t('list.empty'),
            name: t('list.name'),
            scopes: t('list.scopes'),
            scope: t('list.scope'),
            prefix: t('list.prefix'),
            expires: t('list.expires'),
            rate: t('list.rate'),
            status: t('list.status'),
            actions: t('list.actions'),
            revoke: t('revoke.button'),
            revokeConfirm: t('revoke.confirm'),
            revoked: t.raw('revoke.done') as string,
          }}
        />
      </div>
    </>
  );
}
