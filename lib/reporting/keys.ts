// Pure: the key that names one figure on a monthly form (indicator × subject unit × period × stage). Form inputs,
// the Excel template's hidden key column and field errors all use it, so a message lands next to its field.
import type { Month } from '@/lib/periods';
import type { ValueStage } from '@/lib/generated/prisma/enums';

export interface ItemKeyParts {
  code: string;
  subjectUnitId: number;
  period: Month;
  stage: ValueStage;
}

/** code:subjectUnitId:period:stage, e.g. `tech_smes:31:2026-03:final`. No dots: field paths are joined with dots. */
export const ITEM_KEY_RE = /^([a-z][a-z0-9_]{0,63}):([1-9]\d{0,8}):(\d{4}-(?:0[1-9]|1[0-2])):(final|provisional)$/;

export function itemKey(parts: ItemKeyParts): string {
  return `${parts.code}:${parts.subjectUnitId}:${parts.period}:${parts.stage}`;
}

/** Task rows are keyed by the task's id. */
export const TASK_KEY_RE = /^[1-9]\d{0,8}$/;
