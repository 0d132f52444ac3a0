import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { MonthNav } from '../_dashboard/month-nav';
import { latestMonth, monthFrom, type SearchParams } from '../_dashboard/load';
import { LeagueTable } from '@/components/rankings/league-table';
import { RuleNote } from '@/components/rankings/rule-note';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/permissions';
import { gatePage } from '@/lib/gate/page';
import { systemClock } from '@/lib/clock';
import { formatMonth, type Locale } from '@/lib/format';
import { getCurrentPlan, listIndicators, listUnits, localName } from '@/lib/queries/plan';
import { getMonthRanking } from '@/lib/queries/rankings/month';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('rankings'))('title') };
}

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);

export default async function RankingsPage({ searchParams }: { searchParams: SearchParams }) {
  const { actor, refused } = await gatePage('ranking.view', '/rankings');
  if (refused) return refused;
  const [t, locale, query] = await Promise.all([getTranslations('rankings'), getLocale() as Promise<Locale>, searchParams]);
  const month = (await monthFrom(query)).month;
  const plan = await getCurrentPlan(actor);
  const [ranking, indicators, units] = await Promise.all([
    getMonthRanking(actor, { planId: plan.id, month }, systemClock()),
    listIndicators(actor, plan.id),
    locale === 'en' ? listUnits(actor, plan.id) : Promise.resolve([]),
  ]);
  // The ranking keeps the Chinese name it was computed with; the English UI shows the plan file's English name.
  const unitName = new Map(units.map((u) => [u.id, localName(locale, u)]));
  const nameOf = (code: string) => {
    const ind = indicators.find((i) => i.code === code);
    return ind ? (locale === 'en' ? ind.nameEn : ind.name) : code;
  };
  const text = (title: string) => ({
    title,
    rank: t('rank'),
    unit: t('unit'),
    points: t('points'),
    movement: t('movement'),
    tied: t('tied'),
    explain: t('explain'),
    item: (item: string, part: string) => (part === 'level' || part === 'improvement' ? `${nameOf(item)} · ${t(`part.${part}`)}` : t(`part.${part}`)),
    reason: (reason: string, facts: Record<string, number | null>) => {
      const base = t(`reason.${reason}`);
      if ('value' in facts && facts.value !== null) {
        const detail = 'share' in facts ? `${facts.value} / ${facts.share ?? '—'} = ${pct(facts.completion)}` : `${facts.yearAgo ?? '—'} → ${facts.value} (${pct(facts.growth)})`;
        return `${base}（${detail}）`;
      }
      if ('led' in facts && facts.led) return `${base}（${facts.onTrack}/${facts.led}）`;
      if ('returns' in facts && facts.returns) return `${base}（${facts.returns}）`;
      return base;
    },
  });
  const rule = ranking.rule;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle', { month: formatMonth(month, locale), ruleNo: rule.ruleNo })} actions={
          <div className="flex flex-wrap items-center gap-3">
            <MonthNav path="/rankings" asOf={month} latest={latestMonth()} />
            {can(actor, 'target.decompose') ? (
              <Link href="/rankings/shares" className="text-sm">
                {t('links.shares')}
              </Link>
            ) : null}
            <Link href="/rankings/rule" className="text-sm">
              {t('links.rule')}
            </Link>
          </div>
        } />
      {ranking.leagues.map((league) =>
        league.rows.length ? <LeagueTable
            key={league.key}
            id={`league-${league.key}`}
            rows={league.rows.map((row) => ({ ...row, name: unitName.get(row.unitId) ?? row.name }))}
            text={text(t(`league.${league.key}`))} /> : null,
      )}
      <RuleNote
        rule={rule}
        text={{
          title: t('rule.title', { ruleNo: rule.ruleNo, from: formatMonth(rule.effectiveFrom, locale) }),
          indicator: (code, level, improvement) => t('rule.indicator', { name: nameOf(code), level, improvement }),
          improvement: t('rule.improvement', { full: pct(rule.improvementFullAt) }),
          discipline: t('rule.discipline', { weight: rule.discipline.weight, late: rule.discipline.weight * rule.discipline.latePart, penalty: rule.discipline.returnPenalty }),
          tasks: t('rule.tasks', { weight: rule.taskProgress }),
          missing: t('rule.missing'),
        }}
      />
    </>
  );
}
