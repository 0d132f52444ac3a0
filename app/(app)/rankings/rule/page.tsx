import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { RuleForm } from '@/components/rankings/rule-form';
import { RuleNote } from '@/components/rankings/rule-note';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { publishRuleVersionAction } from '@/lib/actions/rankings';
import { systemClock } from '@/lib/clock';
import { formatMonth, type Locale } from '@/lib/format';
import { gatePage } from '@/lib/gate/page';
import { can } from '@/lib/permissions';
import { addMonths, monthOf } from '@/lib/periods';
import { getCurrentPlan } from '@/lib/queries/plan';
import { getRuleBook } from '@/lib/queries/rankings/rules';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('rankings.ruleForm'))('pageTitle') };
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

export default async function RankingRulePage() {
  const { actor, refused } = await gatePage('ranking.view', '/rankings/rule');
  if (refused) return refused;
  const [t, tr, locale] = await Promise.all([getTranslations('rankings.ruleForm'), getTranslations('rankings'), getLocale() as Promise<Locale>]);
  const plan = await getCurrentPlan(actor);
  const book = await getRuleBook(actor, plan.id);
  const nameOf = (code: string) => {
    const i = book.indicators.find((x) => x.code === code);
    return i ? (locale === 'en' ? i.nameEn : i.name) : code;
  };
  const current = book.versions[0].rule;
  const next = addMonths(monthOf(systemClock()), 1);
  const defaultMonth = next > current.effectiveFrom ? next : addMonths(current.effectiveFrom, 1);
  return (
    <>
      <PageHeader
        title={t('pageTitle')}
        subtitle={t('subtitle')}
        actions={
          <Link href="/rankings" className="text-sm">
            {t('back')}
          </Link>
        }
      />
      {can(actor, 'ranking.manageRule') ? (
        <div className="mb-6">
          <RuleForm
            action={publishRuleVersionAction}
            view={{
              basedOn: book.latestNo,
              defaultMonth,
              indicators: book.indicators.map((i) => {
                const w = current.indicators.find((x) => x.code === i.code);
                return { code: i.code, name: nameOf(i.code), level: w?.level ?? 0, improvement: w?.improvement ?? 0 };
              }),
              improvementFullAt: Math.round(current.improvementFullAt * 1000) / 10,
              disciplineWeight: current.discipline.weight,
              latePart: Math.round(current.discipline.latePart * 1000) / 10,
              returnPenalty: current.discipline.returnPenalty,
              taskProgress: current.taskProgress,
            }}
          />
        </div>
      ) : null}
      <h2 className="mb-3 text-base font-semibold">{t('history')}</h2>
      <div className="grid gap-4">
        {book.versions.map(({ rule, note }) => (
          <div key={rule.ruleNo}>
            <RuleNote
              rule={rule}
              text={{
                title: tr('rule.title', { ruleNo: rule.ruleNo, from: formatMonth(rule.effectiveFrom, locale) }),
                indicator: (code, level, improvement) => tr('rule.indicator', { name: nameOf(code), level, improvement }),
                improvement: tr('rule.improvement', { full: pct(rule.improvementFullAt) }),
                discipline: tr('rule.discipline', { weight: rule.discipline.weight, late: rule.discipline.weight * rule.discipline.latePart, penalty: rule.discipline.returnPenalty }),
                tasks: tr('rule.tasks', { weight: rule.taskProgress }),
                missing: tr('rule.missing'),
              }}
            />
            {note ? <p className="mt-1 text-sm text-slate-600">{t('noteShown', { note })}</p> : null}
          </div>
        ))}
      </div>
    </>
  );
}
