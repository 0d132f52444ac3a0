import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { RaiseForm } from '@/components/supervision/raise-form';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { raiseSupervisionAction } from '@/lib/actions/supervision';
import { gatePage } from '@/lib/gate/page';
import { systemClock } from '@/lib/clock';
import { getCurrentPlan } from '@/lib/queries/plan';
import { getRaiseChoices } from '@/lib/queries/supervision';
import { cstDate } from '@/lib/reporting/deadlines';
import { addDays } from '@/lib/supervision/due';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('supervision'))('raise') };
}

/** `?target=task:12` (from a task's, indicator's or unit's page) preselects what the item is about. */
export default async function RaiseSupervisionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, refused } = await gatePage('instruction.create', '/supervision/new');
  if (refused) return refused;
  const [t, query, plan] = await Promise.all([getTranslations('supervision'), searchParams, getCurrentPlan(actor)]);
  const choices = await getRaiseChoices(plan.id);
  const target = typeof query.target === 'string' && choices.targets.some((c) => c.value === query.target) ? query.target : undefined;
  const leadUnitId = target?.startsWith('unit:') ? target.slice(5) : undefined;
  return (
    <>
      <PageHeader
        title={t('raise')}
        actions={
          <Link href="/supervision" className="text-sm">
            {t('item.back')}
          </Link>
        }
      />
      <RaiseForm action={raiseSupervisionAction} choices={choices} defaults={{ target, leadUnitId, dueDate: addDays(cstDate(systemClock()), 14) }} />
    </>
  );
}
