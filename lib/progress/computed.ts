// Pure: no I/O. A computed indicator's series, derived from its inputs' series (万人有效发明专利拥有量 from 有效发明专利
// and 常住人口), so that it always agrees with them.
import { computeFormula, type RatioFormula } from '@/lib/indicator-formula';
import { isReportingMonth } from '@/lib/periods';
import type { Frequency } from '@/lib/generated/prisma/enums';
import type { Observation } from '@/lib/progress/types';

/**
 * One figure per reporting month of the computed indicator where the numerator has a figure, divided by the
 * denominator of the same month or, failing that, the latest earlier one (population is published once a year, late;
 * statistical bulletins divide by the latest published population). No figure before the first denominator.
 */
export function deriveComputedSeries(formula: RatioFormula, frequency: Frequency, inputs: Map<string, Observation[]>): Observation[] {
  const numerators = inputs.get(formula.numerator) ?? [];
  const denominators = [...(inputs.get(formula.denominator) ?? [])].sort((a, b) => a.month.localeCompare(b.month));
  const out: Observation[] = [];
  for (const n of numerators) {
    if (!isReportingMonth(frequency, n.month)) continue;
    const d = denominators.filter((x) => x.month <= n.month).pop();
    if (!d) continue;
    const value = computeFormula(formula, { [formula.numerator]: n.value, [formula.denominator]: d.value });
    if (value !== null) out.push({ month: n.month, value });
  }
  return out.sort((a, b) => a.month.localeCompare(b.month));
}
