import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SupervisionFilters } from '@/components/supervision/filters';
import { SupervisionTable } from '@/components/supervision/supervision-table';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { gatePage } from '@/lib/gate/page';
import { can } from '@/lib/permissions';
import { getCurrentPlan, listUnits } from '@/lib/queries/plan';
import { listRaisers, listSupervision } from '@/lib/queries/supervision';
import { supervisionFilterSchema, type SupervisionFilter } from '@/lib/schemas/supervision/filters';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('supervision'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Unknown or malformed filters are dropped rather than refused: a stale bookmark still opens the list. */
function filterFrom(query: Record<string, string | string[] | undefined>): SupervisionFilter {
  const single = Object.fromEntries(['state', 'unitId', 'raisedById', 'dueMonth'].flatMap((k) => (typeof query[k] === 'string' ? [[k, query[k]]] : [])));
  const parsed = supervisionFilterSchema.safeParse(single);
  return parsed.success ? parsed.data : {};
}

export default async function SupervisionPage({ searchParams }: { searchParams: SearchParams }) {
  const { actor, refused } = await gatePage('supervision.view', '/supervision');
  if (refused) return refused;
  const [t, query, plan] = await Promise.all([getTranslations('supervision'), searchParams, getCurrentPlan(actor)]);
  const filter = filterFrom(query);
  const [rows, raisers, units] = await Promise.all([listSupervision(actor, filter), listRaisers(actor), listUnits(actor, plan.id)]);
  const qs = new URLSearchParams(Object.entries(filter).map(([k, v]) => [k, String(v)]));
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={`${t('subtitle')} · ${t('count', { count: rows.length })}`}
        actions={
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <a href={`/api/supervision/export?${qs}`}>{t('export')}</a>
            <a href={`/api/supervision/export?${new URLSearchParams([...qs, ['format', 'csv']])}`}>{t('exportCsv')}</a>
            {can(actor, 'instruction.create') ? (
              <Link href="/supervision/new" className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-900 hover:no-underline">
                {t('raise')}
              </Link>
            ) : null}
          </div>
        }
      />
      <SupervisionFilters filter={filter} units={units.filter((u) => u.kind !== 'region').map((u) => ({ id: u.id, name: u.name }))} raisers={raisers} />
      <SupervisionTable rows={rows} />
    </>
  );
}
