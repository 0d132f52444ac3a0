// Pure: values computed from other indicators (万人有效发明专利拥有量 = 有效发明专利 ÷ 常住人口 × 10,000).
export interface RatioFormula {
  op: 'ratio';
  numerator: string;
  denominator: string;
  factor: number;
}

/** Null when an input is missing or the denominator is zero: a computed figure is never guessed. */
export function computeFormula(formula: RatioFormula, inputs: Record<string, number | null | undefined>): number | null {
  const numerator = inputs[formula.numerator];
  const denominator = inputs[formula.denominator];
  if (numerator == null || denominator == null || denominator === 0) return null;
  return (numerator / denominator) * formula.factor;
}
