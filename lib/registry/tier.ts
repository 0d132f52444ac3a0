// Pure: a firm's tier in the plan's 梯次培育 pipeline (微成长 → 小升高 → 高壮大) on a day, from its qualifications.
import type { Day } from '@/lib/registry/dates';
import { isInForce, type QualificationKind, type Span } from '@/lib/registry/validity';

export type Tier = 'little_giant' | 'above_scale_high_tech' | 'high_tech' | 'cultivation' | 'tech_sme' | 'none';

/** Highest first: the funnel's steps. */
export const tiers: readonly Tier[] = ['little_giant', 'above_scale_high_tech', 'high_tech', 'cultivation', 'tech_sme', 'none'];

export function heldOn(qualifications: readonly (Span & { kind: QualificationKind })[], day: Day): Set<QualificationKind> {
  return new Set(qualifications.filter((q) => isInForce(q, day)).map((q) => q.kind));
}

export function tierOf(firm: { aboveScale: boolean; qualifications: readonly (Span & { kind: QualificationKind })[] }, day: Day): Tier {
  const held = heldOn(firm.qualifications, day);
  if (held.has('little_giant')) return 'little_giant';
  if (held.has('high_tech')) return firm.aboveScale ? 'above_scale_high_tech' : 'high_tech';
  if (held.has('cultivation')) return 'cultivation';
  if (held.has('tech_sme')) return 'tech_sme';
  return 'none';
}
