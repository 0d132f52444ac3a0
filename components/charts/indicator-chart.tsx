'use client';
// The indicator chart: actual figures, planned path, dashed projection, and the 2025/2027 milestones. It draws the
// rows it is given; the numbers also stand in the table below it (the chart's text alternative).
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMonth, formatNumber, formatQuantity, type Locale } from '@/lib/format';
import type { ChartRow } from '@/lib/progress/assess';

export interface ChartMilestone {
  month: string;
  value: number;
  label: string;
}

export interface IndicatorChartProps {
  rows: ChartRow[];
  milestones: ChartMilestone[];
  unit: string;
  decimals: number;
  locale: Locale;
  yearly: boolean;
  /** Lower positions are better: the y axis runs downwards. */
  reversed: boolean;
  text: { actual: string; pending: string; planned: string; projected: string; alt: string };
}

/** A4 portrait, 12 mm margins, at 96 dpi: the width the chart takes when printed. */
const PRINT_WIDTH = 680;

/** The container's width, and the A4 width while printing (printing does not fire resize observers). */
function useChartWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      setPrinting(false);
      setWidth(el.clientWidth);
    };
    const print = () =>
      flushSync(() => {
        setPrinting(true);
        setWidth(Math.min(PRINT_WIDTH, el.clientWidth || PRINT_WIDTH));
      });
    const printQuery = window.matchMedia('print');
    const onMedia = (e: MediaQueryListEvent) => (e.matches ? print() : measure());
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    window.addEventListener('beforeprint', print);
    window.addEventListener('afterprint', measure);
    printQuery.addEventListener('change', onMedia);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', print);
      window.removeEventListener('afterprint', measure);
      printQuery.removeEventListener('change', onMedia);
    };
  }, []);
  return { ref, width, printing };
}

const COLORS = { actual: '#1d5fbf', planned: '#64748b', projected: '#7c3aed', pending: '#b45309', milestone: '#0f2f5f' };

export function IndicatorChart({ rows, milestones, unit, decimals, locale, yearly, reversed, text }: IndicatorChartProps) {
  const { ref, width, printing } = useChartWidth();
  const narrow = width > 0 && width < 520;
  const height = printing ? 300 : narrow ? 280 : 360;
  const ticks = yearly ? rows.map((r) => r.month) : rows.filter((r) => r.month.endsWith('-01')).map((r) => r.month);
  const value = (v: unknown) => (typeof v === 'number' ? formatQuantity(v, unit, decimals, locale) : '—');
  const hasPending = rows.some((r) => r.pending !== null);
  const hasProjection = rows.some((r) => r.projected !== null);

  return (
    <div ref={ref} className="w-full print:[&_svg]:h-auto print:[&_svg]:max-w-full" style={{ minHeight: height }}>
      {width > 0 ? (
        <ComposedChart width={width} height={height} data={rows} margin={{ top: 24, right: narrow ? 36 : 56, bottom: 4, left: 0 }} role="img" aria-label={text.alt}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis
            dataKey="month"
            ticks={ticks}
            tickFormatter={(m: string) => m.slice(0, 4)}
            tick={{ fontSize: 12, fill: '#475569' }}
            interval={narrow && !yearly ? 1 : 0}
          />
          <YAxis
            reversed={reversed}
            allowDecimals={decimals > 0}
            domain={reversed ? [1, 'dataMax + 2'] : ['auto', 'auto']}
            tickFormatter={(v: number) => formatNumber(v, decimals, locale, true)}
            tick={{ fontSize: 12, fill: '#475569' }}
            width={narrow ? 44 : 60}
          />
          <Tooltip
            formatter={(v, name) => [value(v), name]}
            labelFormatter={(m) => (typeof m === 'string' ? formatMonth(m, locale) : String(m))}
            contentStyle={{ fontSize: 13 }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {milestones.map((m) => (
            <ReferenceLine key={`line-${m.month}`} x={m.month} stroke={COLORS.milestone} strokeDasharray="2 4" />
          ))}
          <Line name={text.planned} dataKey="planned" stroke={COLORS.planned} strokeWidth={1.5} dot={yearly} connectNulls isAnimationActive={false} />
          <Line name={text.actual} dataKey="actual" stroke={COLORS.actual} strokeWidth={2.5} dot={yearly || rows.length < 30 ? { r: 3 } : false} connectNulls isAnimationActive={false} />
          {hasProjection ? (
            <Line name={text.projected} dataKey="projected" stroke={COLORS.projected} strokeWidth={2} strokeDasharray="6 4" dot={false} connectNulls isAnimationActive={false} />
          ) : null}
          {hasPending ? (
            <Line
              name={text.pending}
              dataKey="pending"
              stroke={COLORS.pending}
              strokeWidth={0}
              dot={{ r: 4, fill: '#fff', stroke: COLORS.pending, strokeWidth: 2 }}
              legendType="circle"
              isAnimationActive={false}
            />
          ) : null}
          {milestones.map((m) => (
            <ReferenceDot
              key={`dot-${m.month}`}
              x={m.month}
              y={m.value}
              r={5}
              fill={COLORS.milestone}
              stroke="#fff"
              label={{ value: m.label, position: m.month === rows[rows.length - 1]?.month ? 'left' : 'top', fontSize: 12, fill: COLORS.milestone }}
            />
          ))}
        </ComposedChart>
      ) : null}
    </div>
  );
}
