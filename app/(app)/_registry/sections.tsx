// The registry-counted figures where figures are read: beside the monthly form, in its review, on the indicator page.
// Each is one self-contained section (query → words → component), so the pages that render it change by one line.
import { getLocale, getTranslations } from 'next-intl/server';
import { RegistryComparison } from '@/components/registry/registry-comparison';
import { RegistryFigures } from '@/components/registry/registry-figures';
import { RegistryFillButton } from '@/components/registry/registry-fill-button';
import type { Actor } from '@/lib/actor';
import { fillRegistryFiguresAction } from '@/lib/actions/registry';
import { ForbiddenError } from '@/lib/errors';
import { formatMonth, type Locale } from '@/lib/format';
import { addMonths, type Month } from '@/lib/periods';
import { getRegistryComparison, getRegistryFigures } from '@/lib/queries/registry/derived';
import { scopedFirms } from '@/lib/queries/registry/scope';
import type { RegistryRule } from '@/lib/registry/derived';

const SOURCES = ['manual', 'import', 'computed', 'registry', 'api', 'demo'] as const;
const TEXT = ['title', 'hint', 'disagree', 'subject', 'registry', 'figure', 'source', 'difference', 'notStored', 'fill', 'filled', 'comparisonTitle', 'month', 'approved', 'differenceApproved'];

async function words() {
  const [t, tr] = await Promise.all([getTranslations('registry'), getTranslations('reporting')]);
  const ruleText = (rule: RegistryRule) => t(`derived.rule.${rule.rule}`, { kind: t(`kind.${rule.kind}`), scale: rule.aboveScale ? t('derived.aboveScale') : '' });
  return {
    text: Object.fromEntries(TEXT.map((k) => [k, t(`derived.${k}`)])),
    labels: {
      source: Object.fromEntries(SOURCES.map((s) => [s, t(`derived.sourceName.${s}`)])),
      status: Object.fromEntries((['draft', 'submitted', 'returned', 'approved'] as const).map((s) => [s, tr(`status.${s}`)])),
    },
    ruleText,
  };
}

/** Beside a unit's monthly form (with the fill button for its own reporters) or its review (read only). */
export async function RegistryFiguresSection({ actor, reporterUnitId, month, canFill }: { actor: Actor; reporterUnitId: number; month: Month; canFill: boolean }) {
  const figures = await getRegistryFigures(actor, { reporterUnitId, month }).catch((error: unknown) => {
    if (error instanceof ForbiddenError) return [];
    throw error;
  });
  if (figures.length === 0) return null;
  const { text, labels, ruleText } = await words();
  return (
    <RegistryFigures
      figures={figures.map((f) => ({
        code: f.code,
        name: f.name,
        unit: f.unit,
        ruleText: ruleText(f.rule),
        rows: f.rows.map((r) => ({ subjectUnitId: r.subjectUnitId, subjectName: r.subjectName, registry: r.comparison.registry, figure: r.comparison.figure, difference: r.comparison.difference, href: r.href })),
      }))}
      text={text}
      labels={labels}
      linked={(await scopedFirms(actor)) !== null}
      action={canFill ? <RegistryFillButton action={fillRegistryFiguresAction} month={month} text={text} /> : undefined}
    />
  );
}

/** On an indicator's page: the twelve months to `asOf`, approved figure beside the registry's count. */
export async function RegistryComparisonSection({ actor, indicatorId, asOf }: { actor: Actor; indicatorId: number; asOf: Month }) {
  const months = Array.from({ length: 12 }, (_, i) => addMonths(asOf, -i));
  const result = await getRegistryComparison(actor, indicatorId, months);
  if (!result) return null;
  const [{ text, ruleText }, locale] = await Promise.all([words(), getLocale() as Promise<Locale>]);
  return (
    <RegistryComparison
      view={{
        ruleText: ruleText(result.rule),
        rows: result.rows.map((r) => ({ month: r.month, monthLabel: formatMonth(r.month, locale), registry: r.comparison.registry, figure: r.comparison.figure?.value ?? null, difference: r.comparison.difference, href: r.href })),
      }}
      text={text}
    />
  );
}
