// Pure: no I/O. What a supervision item can be raised on. A new kind (a bulletin line, when bulletins exist) is one
// entry here plus its lookup in lib/mutations/supervision/store.ts: the column is text, no migration needed.
export const supervisionTargetKinds = ['task', 'indicator', 'unit'] as const;

export type SupervisionTargetKind = (typeof supervisionTargetKinds)[number];

export function isSupervisionTargetKind(value: string): value is SupervisionTargetKind {
  return (supervisionTargetKinds as readonly string[]).includes(value);
}
