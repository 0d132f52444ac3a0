import type { ReactNode } from 'react';

/** A titled block of the dashboard; its content usually streams in behind a skeleton. */
export function WidgetSection({ id, title, note, children }: { id: string; title: string; note?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-8">
      <div className="sec-head">
        <h2 id={id} className="sec-title">
          {title}
        </h2>
        {note ? <p className="text-xs text-slate-500">{note}</p> : null}
      </div>
      {children}
    </section>
  );
}
