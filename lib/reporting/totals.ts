// Pure: the total of a breakdown (the towns' or parks' figures of one indicator), exact in decimal, for the form to
// show beside the district figure. Usable in the browser as the reporter types.
import { parseFigure } from '@/lib/reporting/figures';

const SCALE = 4;

function toScaled(value: string): bigint {
  const [intPart, fraction = ''] = value.split('.');
  return BigInt(intPart + fraction.padEnd(SCALE, '0').slice(0, SCALE));
}

function fromScaled(value: bigint): string {
  const text = value.toString().padStart(SCALE + 1, '0');
  const intPart = text.slice(0, -SCALE);
  const fraction = text.slice(-SCALE).replace(/0+$/, '');
  return fraction ? `${intPart}.${fraction}` : intPart;
}

export interface BreakdownTotal {
  /** Sum of the figures entered so far, canonical decimal string. */
  total: string;
  entered: number;
  /** Members with nothing (or nothing valid) entered yet. */
  missing: number;
}

export function breakdownTotal(values: (string | number | null | undefined)[]): BreakdownTotal {
  let sum = BigInt(0);
  let entered = 0;
  for (const raw of values) {
    if (raw === null || raw === undefined || raw === '') continue;
    const parsed = parseFigure(raw, { unit: '', decimals: SCALE });
    if (!parsed.ok) continue;
    sum += toScaled(parsed.value);
    entered++;
  }
  return { total: fromScaled(sum), entered, missing: values.length - entered };
}

/** a − b of two figures, exact in decimal, signed ("1", "-0.5", "0"). */
export function figureDifference(a: string, b: string): string {
  const scaled = (v: string) => {
    const parsed = parseFigure(v, { unit: '', decimals: SCALE });
    return parsed.ok ? toScaled(parsed.value) : BigInt(0);
  };
  const diff = scaled(a) - scaled(b);
  return diff < BigInt(0) ? `-${fromScaled(-diff)}` : fromScaled(diff);
}
