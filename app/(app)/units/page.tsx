import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import type { UnitSummaryDto } from '@/lib/queries/plan';
import { currentPlan, planUnits } from '../_dashboard/load';
import { gatePage } from '@/lib/gate/page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('units'))('title') };
}

const KIND_ORDER = ['department', 'park', 'company', 'town', 'other'] as const;

export default async function UnitsPage() {
  const { refused } = await gatePage('dashboard.view', '/units');
  if (refused) return refused;
  const t = await getTranslations('units');
  const [plan, units] = await Promise.all([currentPlan(), planUnits()]);
  const byKind = (kind: string) => units.filter((u) => u.kind === kind);
  return (
    <>
      <PageHeader title={t('title')} subtitle={`${plan.region} · ${units.length}`} />
      {KIND_ORDER.filter((k) => byKind(k).length).map((kind) => (
        <section key={kind} className="mb-6 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full min-w-[560px] text-sm">
            <caption className="border-b border-slate-200 bg-slate-50 px-4 py-2 text-left text-base font-semibold text-brand-900">
              {t(`kind.${kind}`)}（{byKind(kind).length}）
            </caption>
            <thead className="text-left text-xs text-slate-500">
              <tr className="border-b border-slate-200">
                <th scope="col" className="px-4 py-2 font-medium">{t('title')}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{t('leads')}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{t('shares')}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{t('reports')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('groups')}</th>
              </tr>
            </thead>
            <tbody>
              {byKind(kind).map((u: UnitSummaryDto) => (
                <tr key={u.id} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="px-4 py-2 text-left font-normal">
                    <Link href={`/units/${u.id}`}>{u.name}</Link>
                  </th>
                  <td className="num px-4 py-2 text-right">{u.leads}</td>
                  <td className="num px-4 py-2 text-right">{u.shares}</td>
                  <td className="num px-4 py-2 text-right">{u.reports}</td>
                  <td className="px-4 py-2 text-slate-600">{u.groups.join('、') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
