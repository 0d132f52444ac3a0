import { describe, expect, test } from 'vitest';
import { rankScores, topAndBottom } from '@/lib/rankings/rank';
import { DEFAULT_RULE, ruleForMonth, scoringRuleSchema, type ScoringRule } from '@/lib/rankings/rule';
import { scoreAreaUnit, scoreDepartment, scoreDiscipline, scoreIndicator, type AreaUnitInput, type DisciplineFacts, type UnitScore } from '@/lib/rankings/score';
import { scoreLeague } from '@/lib/rankings/leagues';

const rule: ScoringRule = {
  ruleNo: 1,
  effectiveFrom: '2023-01',
  indicators: [{ code: 'a', level: 30, improvement: 10 }],
  improvementFullAt: 0.2,
  discipline: { weight: 10, latePart: 0.5, returnPenalty: 2 },
  taskProgress: 20,
};
const onTime: DisciplineFacts = { timeliness: 'on_time', returns: 0 };
const unit = (unitId: number, name: string, value: number | null, yearAgo: number | null, share: number | null, discipline = onTime): AreaUnitInput => ({
  unitId,
  name,
  indicators: { a: { value, yearAgo, share } },
  discipline,
});
const score = (unitId: number, total: number, name = `u${unitId}`): UnitScore => ({ unitId, name, total, max: 50, lines: [] });

describe('level and improvement on one indicator', () => {
  test.each([
    // value, yearAgo, share → level points, reason; improvement points, reason
    [20, 16, 40, 15, 'scored', 10, 'scored'], // half the share; +25 % (over the 20 % that earns full points)
    [40, 40, 40, 30, 'complete', 0, 'scored'], // share met, no growth
    [60, 50, 40, 30, 'complete', 10, 'scored'], // above share: capped at full points
    [30, 33, 40, 22.5, 'scored', 0, 'declined'], // negative improvement scores zero, says so
    [10, 9, 0, 0, 'zeroShare', 5.56, 'scored'], // a zero share cannot be completed: no level points, said so
    [10, null, 40, 7.5, 'scored', 0, 'noBaseline'],
    [10, 8, null, 0, 'noShare', 10, 'scored'],
    [null, 8, 40, 0, 'missing', 0, 'missing'], // no data scores zero and says so
  ] as const)('value %s, a year ago %s, share %s', (value, yearAgo, share, levelPts, levelWhy, impPts, impWhy) => {
    const [level, improvement] = scoreIndicator(rule, 'a', { value, yearAgo, share });
    expect(level).toMatchObject({ part: 'level', points: levelPts, reason: levelWhy, max: 30 });
    expect(improvement).toMatchObject({ part: 'improvement', points: impPts, reason: impWhy, max: 10 });
  });

  test('an indicator the rule does not weigh scores nothing and adds no line', () => {
    expect(scoreIndicator(rule, 'other', { value: 1, yearAgo: 1, share: 1 })).toEqual([]);
  });
});

describe('reporting discipline', () => {
  test.each([
    ['on_time', 0, 10, 'onTime'],
    ['on_time', 2, 6, 'returned'],
    ['late', 0, 5, 'late'],
    ['late', 4, 0, 'late'], // never below zero
    ['missing', 0, 0, 'notReported'],
  ] as const)('%s with %s returns → %s points', (timeliness, returns, points, reason) => {
    expect(scoreDiscipline(rule, { timeliness, returns })).toMatchObject({ points, reason });
  });
});

describe('ranks', () => {
  test('equal totals share a rank, explicitly, and the next rank skips', () => {
    const rows = rankScores([score(1, 40), score(2, 55), score(3, 40), score(4, 10)]);
    expect(rows.map((r) => [r.unitId, r.rank, r.tied])).toEqual([
      [2, 1, false],
      [1, 2, true],
      [3, 2, true],
      [4, 4, false],
    ]);
  });

  test('movement compares with last month (up is positive); a newcomer has none', () => {
    const rows = rankScores([score(1, 10), score(2, 20), score(3, 30)], new Map([[1, 1], [2, 2]]));
    expect(rows.map((r) => [r.unitId, r.movement])).toEqual([
      [3, null],
      [2, 0],
      [1, -2],
    ]);
  });

  test('top and bottom three, ties at the edge included', () => {
    const rows = rankScores([60, 50, 40, 40, 30, 20, 10, 5].map((t, i) => score(i + 1, t)));
    const { top, bottom } = topAndBottom(rows, 3);
    expect(top.map((r) => r.total)).toEqual([60, 50, 40, 40]);
    expect(bottom.map((r) => r.total)).toEqual([20, 10, 5]);
  });

  test('a league of units with no data at all: everyone scores zero and shares first place', () => {
    const table = scoreLeague(rule, { key: 'towns', codes: ['a'], areas: [unit(1, '甲', null, null, 40, { timeliness: 'missing', returns: 0 }), unit(2, '乙', null, null, 40, { timeliness: 'missing', returns: 0 })], departments: [] }, new Map());
    expect(table.rows.map((r) => [r.total, r.rank, r.tied])).toEqual([
      [0, 1, true],
      [0, 1, true],
    ]);
    expect(table.rows[0].lines.map((l) => l.reason)).toEqual(['missing', 'missing', 'notReported']);
  });
});

describe('the rule is data', () => {
  test('changed weights change the order', () => {
    const a = unit(1, '甲', 40, 40, 40); // share complete, no growth
    const b = unit(2, '乙', 24, 16, 40); // 60 % of share, +50 %
    const levelHeavy = scoreLeague(rule, { key: 'towns', codes: ['a'], areas: [a, b], departments: [] }, new Map());
    const growthHeavy = scoreLeague({ ...rule, indicators: [{ code: 'a', level: 10, improvement: 40 }] }, { key: 'towns', codes: ['a'], areas: [a, b], departments: [] }, new Map());
    expect(levelHeavy.rows[0].unitId).toBe(1);
    expect(growthHeavy.rows[0].unitId).toBe(2);
    expect(scoreAreaUnit(rule, ['a'], a).max).toBe(50);
  });

  test('a rule version change between months: each month is scored by the rule in force then', () => {
    const second: ScoringRule = { ...rule, ruleNo: 2, effectiveFrom: '2026-07', indicators: [{ code: 'a', level: 10, improvement: 40 }] };
    const rules = [second, rule];
    expect(ruleForMonth(rules, '2026-06').ruleNo).toBe(1);
    expect(ruleForMonth(rules, '2026-07').ruleNo).toBe(2);
    expect(ruleForMonth([], '2026-07')).toBe(DEFAULT_RULE);
    const b = unit(2, '乙', 24, 16, 40);
    expect(scoreAreaUnit(ruleForMonth(rules, '2026-06'), ['a'], b).total).toBe(18 + 10 + 10);
    expect(scoreAreaUnit(ruleForMonth(rules, '2026-07'), ['a'], b).total).toBe(6 + 40 + 10);
  });

  test('departments are scored on discipline and task progress only', () => {
    const s = scoreDepartment(rule, { unitId: 9, name: '区科技局', discipline: { timeliness: 'late', returns: 0 }, tasks: { led: 4, onTrack: 3, behind: 1, missing: 0 } });
    expect(s.lines.map((l) => [l.part, l.points])).toEqual([
      ['discipline', 5],
      ['tasks', 15],
    ]);
    expect(s.total).toBe(20);
    expect(scoreDepartment(rule, { unitId: 9, name: 'x', discipline: onTime, tasks: { led: 0, onTrack: 0, behind: 0, missing: 0 } }).lines[1].reason).toBe('noTasks');
  });

  test('the default rule is a valid rule', () => {
    expect(scoringRuleSchema.safeParse(DEFAULT_RULE).success).toBe(true);
    expect(scoringRuleSchema.safeParse({ ...DEFAULT_RULE, extra: 1 }).success).toBe(false);
  });
});
