export interface ReportingRecordView {
  headline: string;
  detail: string | null;
}

/** A unit's reporting record (on-time rate), or why there is none yet. */
export function ReportingRecord({ title, view, pending }: { title: string; view: ReportingRecordView | null; pending: string }) {
  return (
    <section aria-labelledby="reporting-record" className="avoid-break mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="reporting-record" className="mb-1 font-semibold text-brand-900">
        {title}
      </h2>
      {view ? (
        <>
          <p className="num text-lg font-semibold">{view.headline}</p>
          {view.detail ? <p className="num text-sm text-slate-600">{view.detail}</p> : null}
        </>
      ) : (
        <p className="text-sm text-slate-500">{pending}</p>
      )}
    </section>
  );
}
