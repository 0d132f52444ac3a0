// A figure's (or a task report's) history as a disclosure: who entered, changed, submitted, approved, returned or
// unlocked it, when, old → new, and why. Drawn from server data; no client code.
export interface HistoryEvent {
  id: string;
  action: string;
  at: string;
  actor: string;
  oldValue: number | null;
  newValue: number | null;
  comment: string | null;
  reason: string | null;
}

export function ValueHistory({ events, summary, empty, actionLabels }: { events: HistoryEvent[]; summary: string; empty: string; actionLabels: Record<string, string> }) {
  return (
    <details className="history text-xs text-slate-600" data-history>
      <summary className="cursor-pointer text-brand-700 underline">{summary}</summary>
      {events.length === 0 ? (
        <p className="mt-1">{empty}</p>
      ) : (
        <ol className="mt-1 max-w-xs space-y-1 sm:text-right">
          {events.map((e) => (
            <li key={e.id}>
              <span className="font-medium">{actionLabels[e.action] ?? e.action}</span> · {e.actor} · <time>{e.at}</time>
              {e.oldValue !== null || e.newValue !== null ? (
                <span className="num">
                  {' '}
                  · {e.oldValue ?? '—'} → {e.newValue ?? '—'}
                </span>
              ) : null}
              {e.reason ? <span> · {e.reason}</span> : null}
              {e.comment ? <span> · {e.comment}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
