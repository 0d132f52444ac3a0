// Placeholders shown while a widget streams in: the same footprint as the widget, so the page does not jump.

function Bar({ className }: { className: string }) {
  return <div className={`animate-pulse rounded bg-slate-200 ${className}`} />;
}

export function CardGridSkeleton({ count = 6, label }: { count?: number; label: string }) {
  return (
    <div role="status" aria-label={label} className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="flex h-44 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
          <Bar className="h-4 w-2/3" />
          <Bar className="h-7 w-1/3" />
          <Bar className="h-1.5 w-full" />
          <Bar className="h-3 w-1/2" />
          <Bar className="h-3 w-3/4" />
        </div>
      ))}
    </div>
  );
}

export function TableSkeleton({ rows = 5, label }: { rows?: number; label: string }) {
  return (
    <div role="status" aria-label={label} className="rounded-lg border border-slate-200 bg-white p-4">
      <Bar className="mb-4 h-5 w-1/4" />
      {Array.from({ length: rows }, (_, i) => (
        <Bar key={i} className="mb-3 h-4 w-full" />
      ))}
    </div>
  );
}

export function ChartSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-label={label} className="flex h-[360px] items-end gap-2 rounded-lg border border-slate-200 bg-white p-4">
      {Array.from({ length: 24 }, (_, i) => (
        <Bar key={i} className="w-full" />
      ))}
    </div>
  );
}

export function LineSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-label={label} className="mb-4 flex flex-wrap gap-2">
      {Array.from({ length: 5 }, (_, i) => (
        <Bar key={i} className="h-8 w-28" />
      ))}
    </div>
  );
}
