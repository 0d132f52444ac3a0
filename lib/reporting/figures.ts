// Pure: reading a typed figure the way the indicator allows (unit, decimals), and comparing figures exactly.
// Figures travel as canonical decimal strings ("484", "5.1"), never as floats, from input to the database.

export interface FigureRules {
  /** The indicator's unit: '%' is a share within 0–100, '位' a rank (a whole number from 1). */
  unit: string;
  decimals: number;
}

/** Message keys of the `validation` namespace. */
export type FigureError = 'validation.required' | 'validation.number' | 'validation.nonNegative' | 'validation.percentRange' | 'validation.rank' | 'validation.tooLarge' | `validation.maxDecimals_${number}`;

export type FigureResult = { ok: true; value: string } | { ok: false; error: FigureError };

/** Largest magnitude a Decimal(20,4) column holds, with room to spare. */
const MAX_INTEGER_DIGITS = 15;

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF0D]/g;

/**
 * Accepts what staff type: ASCII or full-width digits, thousands separators (1,234), a leading +, surrounding
 * spaces. Rejects anything else (units typed into the box, "约300", formulas, exponents).
 */
export function parseFigure(raw: unknown, rules: FigureRules): FigureResult {
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false, error: 'validation.number' };
    text = String(raw);
    if (/e/i.test(text)) text = raw.toFixed(Math.min(20, Math.max(0, rules.decimals + 1)));
  } else if (typeof raw === 'string') {
    text = raw;
  } else {
    return { ok: false, error: 'validation.number' };
  }
  text = text
    .replace(FULL_WIDTH, (ch) => ({ '．': '.', '，': ',', '－': '-' })[ch] ?? String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .trim();
  if (text === '') return { ok: false, error: 'validation.required' };
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === undefined && !m[3])) return { ok: false, error: 'validation.number' };
  const negative = m[1] === '-';
  const intPart = (m[2] ?? '0').replace(/,/g, '').replace(/^0+(?=\d)/, '');
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  const isZero = /^0+$/.test(intPart) && fraction === '';
  if (negative && !isZero) return { ok: false, error: rules.unit === '位' ? 'validation.rank' : 'validation.nonNegative' };
  if (fraction.length > rules.decimals) return { ok: false, error: `validation.maxDecimals_${rules.decimals}` };
  if (intPart.length > MAX_INTEGER_DIGITS) return { ok: false, error: 'validation.tooLarge' };
  const value = fraction ? `${intPart}.${fraction}` : intPart;
  if (rules.unit === '%' && compareFigures(value, '100') > 0) return { ok: false, error: 'validation.percentRange' };
  if (rules.unit === '位' && compareFigures(value, '1') < 0) return { ok: false, error: 'validation.rank' };
  return { ok: true, value };
}

/** A canonical string for any non-negative decimal the database returns ("484.0000" → "484", "5.1000" → "5.1"). */
export function canonicalFigure(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const m = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return text;
  const intPart = m[1].replace(/^0+(?=\d)/, '');
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  return fraction ? `${intPart}.${fraction}` : intPart;
}

/** Exact comparison of two canonical non-negative decimal strings: −1, 0 or 1. */
export function compareFigures(a: string, b: string): number {
  const [ai, af = ''] = canonicalFigure(a).split('.');
  const [bi, bf = ''] = canonicalFigure(b).split('.');
  if (ai.length !== bi.length) return ai.length < bi.length ? -1 : 1;
  if (ai !== bi) return ai < bi ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const x = af.padEnd(width, '0');
  const y = bf.padEnd(width, '0');
  return x === y ? 0 : x < y ? -1 : 1;
}

export function sameFigure(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return a == b;
  return compareFigures(a, b) === 0;
}
