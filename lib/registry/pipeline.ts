// Pure: the 梯次培育 funnel (科技型企业 → 培优库 → 高新技术企业 → 规上高新 → 小巨人 / 拟上市储备 → 上市), its flows in and
// out per year, and the firms one step from the next stage. No I/O.
import type { Day } from '@/lib/registry/dates';
import type { Verdict } from '@/lib/registry/high-tech-criteria';
import { tierOf, heldOn } from '@/lib/registry/tier';
import type { QualificationKind, Span } from '@/lib/registry/validity';

export type Stage = 'tech_sme' | 'cultivation' | 'high_tech' | 'above_scale_high_tech' | 'little_giant' | 'ipo_reserve' | 'listed';

/** Lowest first: the funnel's order. 小巨人 and 拟上市储备 are the two ends of the step before the top, 上市企业. */
export const stages: readonly Stage[] = ['tech_sme', 'cultivation', 'high_tech', 'above_scale_high_tech', 'little_giant', 'ipo_reserve', 'listed'];

/**
 * 规模以上: 年主营业务收入 2,000 万元及以上 (国家统计局, 规模以上工业企业 since 2011). The registry's own `aboveScale` flag
 * decides membership; this is only the sign that a high-tech firm is one step from it.
 */
export const ABOVE_SCALE_REVENUE = 2000;

export interface PipelineFirm {
  id: number;
  aboveScale: boolean;
  qualifications: (Span & { kind: QualificationKind })[];
  /** The latest year's sales (万元), if the registry has it. */
  latestRevenue: number | null;
  /** The 高新 candidate rule's verdict on its figures. */
  candidate: Verdict;
}

/** The stages a firm is in on a day: a firm may be in several (a 高新 firm in the 培优库 still). */
export function stagesOn(firm: Pick<PipelineFirm, 'aboveScale' | 'qualifications'>, day: Day): Set<Stage> {
  const held = heldOn(firm.qualifications, day);
  const out = new Set<Stage>();
  if (held.has('tech_sme')) out.add('tech_sme');
  if (held.has('cultivation')) out.add('cultivation');
  if (held.has('high_tech')) out.add('high_tech');
  if (held.has('high_tech') && firm.aboveScale) out.add('above_scale_high_tech');
  if (held.has('little_giant')) out.add('little_giant');
  if (held.has('ipo_reserve')) out.add('ipo_reserve');
  if (held.has('listed')) out.add('listed');
  return out;
}

export interface StageFlow {
  year: number;
  /** In the stage at the year's end (or `day` for the current year). */
  count: number;
  entered: number;
  left: number;
}

/**
 * Per stage, per year from `fromYear` to `day`'s year: the count at the year's end (at `day` for the year in course)
 * and the firms that entered and left since the previous year's end. `aboveScale` is today's flag: the registry does
 * not keep its history, so the 规上高新 stage's past is drawn with it.
 */
export function stageFlows(firms: readonly PipelineFirm[], fromYear: number, day: Day): Record<Stage, StageFlow[]> {
  const lastYear = Number(day.slice(0, 4));
  const ends: Day[] = [];
  for (let y = fromYear - 1; y <= lastYear; y += 1) ends.push(y === lastYear ? day : `${y}-12-31`);
  const memberships = firms.map((f) => ends.map((d) => stagesOn(f, d)));
  const out = Object.fromEntries(stages.map((s) => [s, [] as StageFlow[]])) as Record<Stage, StageFlow[]>;
  for (const stage of stages) {
    for (let i = 1; i < ends.length; i += 1) {
      let count = 0;
      let entered = 0;
      let left = 0;
      for (const m of memberships) {
        const before = m[i - 1].has(stage);
        const after = m[i].has(stage);
        if (after) count += 1;
        if (after && !before) entered += 1;
        if (before && !after) left += 1;
      }
      out[stage].push({ year: fromYear + i - 1, count, entered, left });
    }
  }
  return out;
}

export type NextStep = 'to_cultivation' | 'to_high_tech' | 'to_above_scale' | 'to_little_giant';

/**
 * A firm one step from the next stage, judged at its tier (its highest stage): a 科技型企业 whose figures meet the
 * 高新 thresholds or come near (→ 培优库, the 高新 cultivation pool); a 培优库 firm that meets them (→ 高新); a 高新
 * firm not above scale whose sales reach the 规上 line (→ 规上高新); a 规上高新 firm already 专精特新 (→ 小巨人,
 * chosen from 专精特新 firms). Null otherwise.
 */
export function nextStepOf(firm: PipelineFirm, day: Day): NextStep | null {
  const tier = tierOf(firm, day);
  switch (tier) {
    case 'tech_sme':
      return firm.candidate === 'eligible' || firm.candidate === 'near' ? 'to_cultivation' : null;
    case 'cultivation':
      return firm.candidate === 'eligible' ? 'to_high_tech' : null;
    case 'high_tech':
      return firm.latestRevenue !== null && firm.latestRevenue >= ABOVE_SCALE_REVENUE ? 'to_above_scale' : null;
    case 'above_scale_high_tech':
      return heldOn(firm.qualifications, day).has('specialised') ? 'to_little_giant' : null;
    default:
      return null;
  }
}
