import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EnterpriseFilters } from '@/components/registry/enterprise-filters';
import { EnterpriseTable } from '@/components/registry/enterprise-table';
import { RegistryTabs } from '@/components/registry/registry-tabs';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { gatePage } from '@/lib/gate/page';
import { can } from '@/lib/permissions';
import { listEnterprises, listRegistryUnits } from '@/lib/queries/registry/list';
import { tiers } from '@/lib/registry/tier';
import { qualificationKinds } from '@/lib/registry/validity';
import { enterpriseFilterSchema, type EnterpriseFilter } from '@/lib/schemas/registry/filters';
import { registryToday } from './_lib/today';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('registry'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Odd or repeated params fall back to no filter rather than an error page: the list is a place to browse. */
function filterFrom(params: Record<string, string | string[] | undefined>): EnterpriseFilter {
  const parsed = enterpriseFilterSchema.safeParse(params);
  return parsed.success ? parsed.data : {};
}

function query(filter: EnterpriseFilter, extra: Record<string, string | number>): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...extra })) if (v !== undefined && v !== '' && k !== 'format') out.set(k, String(v));
  return out.toString();
}

export default async function EnterprisesPage({ searchParams }: { searchParams: SearchParams }) {
  const { actor, refused } = await gatePage('registry.view', '/enterprises');
  if (refused) return refused;
  const t = await getTranslations('registry');
  const filter = filterFrom(await searchParams);
  const today = filter.on ?? registryToday();
  const [list, units] = await Promise.all([listEnterprises(actor, filter, today), listRegistryUnits(actor)]);
  const { page, pages } = list;
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={`${t('subtitle', { total: list.total, today })}${list.rows.some((r) => r.isDemo) ? ` · ${t('demoNote')}` : ''}`}
        actions={can(actor, 'registry.manage') ? <Link href="/enterprises/new" className="no-print rounded border border-brand-700 px-3 py-1.5 text-sm text-brand-800">{t('form.new')}</Link> : undefined}
      />
      <RegistryTabs current="list" canImport={can(actor, 'registry.import')} />
      {units.towns.length + units.parks.length === 0 && list.total === 0 ? <p className="mb-4 text-sm text-slate-600">{t('noScope')}</p> : null}
      <EnterpriseFilters filter={filter} towns={units.towns} parks={units.parks} kinds={qualificationKinds} tiers={tiers} exportHref={`/api/registry/export?${query(filter, {})}`} />
      <EnterpriseTable rows={list.rows} />
      {pages > 1 ? (
        <nav className="no-print mt-3 flex items-center justify-between text-sm" aria-label="pages">
          {page > 1 ? <Link href={`/enterprises?${query(filter, { page: page - 1 })}`}>{t('prev')}</Link> : <span />}
          <span className="text-slate-600">{t('page', { page, pages })}</span>
          {page < pages ? <Link href={`/enterprises?${query(filter, { page: page + 1 })}`}>{t('next')}</Link> : <span />}
        </nav>
      ) : null}
    </>
  );
}
