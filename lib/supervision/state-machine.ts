// Pure: no I/O. Which step may follow which, for a supervision item. Answering an answered item is allowed (a
// co-operating unit adds its part, or the cadence asks for the next update); only an answered item is accepted or
// returned; a closed item takes nothing more.
import type { SupervisionState } from '@/lib/generated/prisma/enums';

export type SupervisionStep = 'answer' | 'return' | 'close' | 'extend';

const allowed: Record<SupervisionStep, readonly SupervisionState[]> = {
  answer: ['open', 'returned', 'answered'],
  return: ['answered'],
  close: ['answered'],
  extend: ['open', 'returned', 'answered'],
};

const target: Record<SupervisionStep, SupervisionState | null> = { answer: 'answered', return: 'returned', close: 'closed', extend: null };

/** The state after `step`, or null when the step is not allowed in `state`. */
export function nextSupervisionState(state: SupervisionState, step: SupervisionStep): SupervisionState | null {
  if (!allowed[step].includes(state)) return null;
  return target[step] ?? state;
}

export function stepsAllowed(state: SupervisionState): SupervisionStep[] {
  return (Object.keys(allowed) as SupervisionStep[]).filter((step) => allowed[step].includes(state));
}
