// Pure: one unit's points under a scoring rule, each with the reason it was given, so that every rank can be
// explained line by line. Missing data scores zero and says so; nothing is guessed.
import type { ScoringRule } from '@/lib/rankings/rule';

/** 'not_expected': the unit has nothing to report (towns whose figures a department reports): full points. */
export type Timeliness = 'on_time' | 'late' | 'missing' | 'pending' | 'not_expected';

export interface IndicatorFacts {
  /** The unit's approved figure for the month, or null when it has none. */
  value: number | null;
  /** The same unit's approved figure twelve months earlier. */
  yearAgo: number | null;
  /** The unit's share (任务分解) of the district milestone in force for the month, or null when none was set. */
  share: number | null;
}

export interface DisciplineFacts {
  timeliness: Timeliness;
  /** Figures or task reports returned by the bureau for this month. */
  returns: number;
}

export interface TaskFacts {
  /** Tasks the unit leads. */
  led: number;
  onTrack: number;
  behind: number;
  /** Led tasks with no approved progress report this month. */
  missing: number;
}

export type ScoreReason =
  | 'scored'
  | 'complete' // level: share met or passed (capped at full points)
  | 'missing' // no approved figure
  | 'noShare' // no share set for the unit
  | 'zeroShare' // share is zero: completion cannot be measured
  | 'noBaseline' // no figure a year earlier
  | 'declined' // fell on a year ago: no improvement points
  | 'onTime'
  | 'late'
  | 'notReported'
  | 'notExpected'
  | 'returned'
  | 'noTasks';

export interface ScoreLine {
  /** An indicator code, or 'discipline' / 'tasks'. */
  item: string;
  part: 'level' | 'improvement' | 'discipline' | 'tasks';
  points: number;
  max: number;
  reason: ScoreReason;
  /** The numbers behind the points (completion and growth as fractions). */
  facts: Record<string, number | null>;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export function scoreIndicator(rule: ScoringRule, code: string, facts: IndicatorFacts | undefined): ScoreLine[] {
  const weights = rule.indicators.find((i) => i.code === code);
  if (!weights) return [];
  const value = facts?.value ?? null;
  const yearAgo = facts?.yearAgo ?? null;
  const share = facts?.share ?? null;
  const lines: ScoreLine[] = [];
  if (weights.level > 0) {
    const base = { item: code, part: 'level' as const, max: weights.level };
    if (value === null) lines.push({ ...base, points: 0, reason: 'missing', facts: { value, share } });
    else if (share === null) lines.push({ ...base, points: 0, reason: 'noShare', facts: { value, share } });
    else if (share <= 0) lines.push({ ...base, points: 0, reason: 'zeroShare', facts: { value, share } });
    else {
      const completion = value / share;
      lines.push({ ...base, points: round2(weights.level * clamp01(completion)), reason: completion >= 1 ? 'complete' : 'scored', facts: { value, share, completion: round2(completion * 10000) / 10000 } });
    }
  }
  if (weights.improvement > 0) {
    const base = { item: code, part: 'improvement' as const, max: weights.improvement };
    if (value === null) lines.push({ ...base, points: 0, reason: 'missing', facts: { value, yearAgo } });
    else if (yearAgo === null || yearAgo <= 0) lines.push({ ...base, points: 0, reason: 'noBaseline', facts: { value, yearAgo } });
    else {
      const growth = (value - yearAgo) / yearAgo;
      const facts4 = { value, yearAgo, growth: round2(growth * 10000) / 10000 };
      if (growth < 0) lines.push({ ...base, points: 0, reason: 'declined', facts: facts4 });
      else lines.push({ ...base, points: round2(weights.improvement * clamp01(growth / rule.improvementFullAt)), reason: 'scored', facts: facts4 });
    }
  }
  return lines;
}

export function scoreDiscipline(rule: ScoringRule, facts: DisciplineFacts): ScoreLine {
  const { weight, latePart, returnPenalty } = rule.discipline;
  const base = weight * (facts.timeliness === 'on_time' || facts.timeliness === 'not_expected' ? 1 : facts.timeliness === 'late' ? latePart : 0);
  const points = round2(Math.max(0, base - returnPenalty * facts.returns));
  const reason: ScoreReason = facts.timeliness === 'not_expected' ? (facts.returns ? 'returned' : 'notExpected') : facts.timeliness === 'on_time' ? (facts.returns ? 'returned' : 'onTime') : facts.timeliness === 'late' ? 'late' : 'notReported';
  return { item: 'discipline', part: 'discipline', points, max: weight, reason, facts: { returns: facts.returns } };
}

export function scoreTasks(rule: ScoringRule, facts: TaskFacts): ScoreLine {
  const max = rule.taskProgress;
  if (facts.led === 0) return { item: 'tasks', part: 'tasks', points: 0, max, reason: 'noTasks', facts: { led: 0 } };
  const points = round2((max * facts.onTrack) / facts.led);
  return { item: 'tasks', part: 'tasks', points, max, reason: facts.missing === facts.led ? 'missing' : 'scored', facts: { ...facts } };
}

export interface AreaUnitInput {
  unitId: number;
  name: string;
  indicators: Record<string, IndicatorFacts>;
  discipline: DisciplineFacts;
}

export interface DepartmentInput {
  unitId: number;
  name: string;
  discipline: DisciplineFacts;
  tasks: TaskFacts;
}

export interface UnitScore {
  unitId: number;
  name: string;
  total: number;
  max: number;
  lines: ScoreLine[];
}

/** A town or park: level and improvement on each ranked indicator its league reports, plus discipline. */
export function scoreAreaUnit(rule: ScoringRule, codes: readonly string[], unit: AreaUnitInput): UnitScore {
  const lines = [...codes.flatMap((code) => scoreIndicator(rule, code, unit.indicators[code])), scoreDiscipline(rule, unit.discipline)];
  return { unitId: unit.unitId, name: unit.name, total: round2(lines.reduce((s, l) => s + l.points, 0)), max: lines.reduce((s, l) => s + l.max, 0), lines };
}

/** A district department: reporting discipline and the progress of the tasks it leads, nothing else. */
export function scoreDepartment(rule: ScoringRule, unit: DepartmentInput): UnitScore {
  const lines = [scoreDiscipline(rule, unit.discipline), scoreTasks(rule, unit.tasks)];
  return { unitId: unit.unitId, name: unit.name, total: round2(lines.reduce((s, l) => s + l.points, 0)), max: lines.reduce((s, l) => s + l.max, 0), lines };
}
