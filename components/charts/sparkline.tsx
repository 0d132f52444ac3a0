// A server-rendered SVG sparkline: no JavaScript, prints as is. It draws the points it is given and nothing else.

export interface SparklineProps {
  actual: (number | null)[];
  planned: (number | null)[];
  label: string;
  width?: number;
  height?: number;
}

/** Missing points are stepped over, not gaps: quarterly figures still draw a line. */
function path(values: (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  let d = '';
  values.forEach((v, i) => {
    if (v !== null) d += `${d ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
  });
  return d;
}

export function Sparkline({ actual, planned, label, width = 120, height = 36 }: SparklineProps) {
  const all = [...actual, ...planned].filter((v): v is number => v !== null);
  if (all.length === 0) return null;
  const min = Math.min(...all);
  const max = Math.max(...all);
  const pad = 3;
  const n = Math.max(actual.length, planned.length);
  const x = (i: number) => (n <= 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (n - 1));
  const y = (v: number) => (max === min ? height / 2 : height - pad - ((v - min) * (height - 2 * pad)) / (max - min));
  const lastIndex = actual.findLastIndex((v) => v !== null);
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="shrink-0 overflow-visible">
      <path d={path(planned, x, y)} fill="none" stroke="#94a3b8" strokeWidth={1.2} strokeDasharray="3 2" />
      <path d={path(actual, x, y)} fill="none" stroke="#1d5fbf" strokeWidth={1.8} strokeLinejoin="round" />
      {lastIndex >= 0 ? <circle cx={x(lastIndex)} cy={y(actual[lastIndex]!)} r={2.5} fill="#1d5fbf" /> : null}
    </svg>
  );
}
