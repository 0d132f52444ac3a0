// Pure: one state per unit and month in the bureau's queue, and every count of the queue derived from it. Each unit
// due for the month is in exactly one state, so the tables never overlap and the counts always add up to 应报.

export const queueStates = ['submitted', 'returned', 'withdrawn', 'missing', 'pending', 'draft', 'approved'] as const;
/**
 * submitted: items await review (the reviewer acts) · returned: only the unit can act · withdrawn: the unit took its
 * submission back · missing: never submitted, past the deadline · pending: never submitted, not yet due ·
 * draft: submitted once, changed since (e.g. new items), nothing awaiting review · approved: every item approved.
 */
export type QueueState = (typeof queueStates)[number];

export interface QueueStateInput {
  items: { total: number; draft: number; submitted: number; returned: number; approved: number };
  firstSubmittedAt: Date | null;
  withdrawnAt: Date | null;
  /** The (possibly extended) deadline has passed. */
  pastDue: boolean;
}

export function queueState(row: QueueStateInput): QueueState {
  const { items } = row;
  if (items.submitted > 0) return 'submitted';
  if (items.returned > 0) return 'returned';
  if (!row.firstSubmittedAt || items.total === 0) return row.pastDue ? 'missing' : 'pending';
  if (items.approved === items.total) return 'approved';
  if (row.withdrawnAt) return 'withdrawn';
  return 'draft';
}

/** States in which 催办 makes sense: the unit owes something. */
export const remindable: ReadonlySet<QueueState> = new Set(['missing', 'pending', 'returned', 'withdrawn', 'draft']);

export type QueueCounts = Record<QueueState, number> & { expected: number; extra: number };

/**
 * Counts over the units due for the month (应报), one state each; units that reported without being due are `extra`.
 * Invariant: the state counts sum to `expected`.
 */
export function queueCounts(rows: { expected: boolean; state: QueueState }[]): QueueCounts {
  const counts = Object.fromEntries(queueStates.map((s) => [s, 0])) as Record<QueueState, number>;
  let expected = 0;
  let extra = 0;
  for (const row of rows) {
    if (!row.expected) {
      extra += 1;
      continue;
    }
    expected += 1;
    counts[row.state] += 1;
  }
  return { ...counts, expected, extra };
}
