// The bureau's share grid and rule form schemas: every bad field named with its zh message, and parsing the parsed
// output again (the action validates, then the domain function validates what it was given) changes nothing.
import { describe, expect, test } from 'vitest';
import { rankingRuleFormSchema, shareGridSchema } from '@/lib/schemas/rankings';
import { parseInput } from '@/lib/validation/parse';
import zh from '@/lib/i18n/messages/zh-CN/validation.json';

const grid = { indicatorCode: 'high_tech_enterprises', effectiveFrom: '2026-01', cells: { '12_2027': { value: '45.5', seen: '3.1' }, '13_2027': { value: '', seen: '' } } };

describe('the share grid schema', () => {
  test('parses typed text into numbers (empty = leave alone), and its output parses to itself', () => {
    const once = shareGridSchema.parse(grid);
    expect(once.cells).toEqual({ '12_2027': { value: 45.5, seen: '3.1' }, '13_2027': { value: null, seen: '' } });
    expect(shareGridSchema.parse(once)).toEqual(once);
  });

  test.each([
    ['-3', zh.shareAmount],
    ['abc', zh.shareAmount],
    ['1.23456', zh.shareAmount],
    ['9999999999999', zh.tooLarge],
  ])('a cell of %j is refused beside that cell: %s', (value, message) => {
    const result = parseInput(shareGridSchema, { ...grid, cells: { '12_2027': { value, seen: '' } } }, 'zh-CN');
    expect(result).toEqual({ success: false, fieldErrors: { 'cells.12_2027.value': [message] }, formErrors: [] });
  });

  test('a bad month, a foreign cell key and an extra field are each named', () => {
    const result = parseInput(shareGridSchema, { ...grid, effectiveFrom: '2026-13', cells: { 'x_2027': { value: '1', seen: '' } }, version: 3 }, 'zh-CN');
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.fieldErrors.effectiveFrom).toEqual([zh.month]);
    expect(result.fieldErrors['cells.x_2027']).toEqual([zh.shareCell]);
    expect(result.formErrors.length).toBe(1); // the unknown key "version"
  });
});

describe('the rule form schema', () => {
  const form = { effectiveFrom: '2026-10', basedOn: '2', indicators: { high_tech_enterprises: { level: '25', improvement: '15' } }, improvementFullAt: '20', disciplineWeight: '10', latePart: '50', returnPenalty: '2', taskProgress: '20' };
  test('coerces the typed numbers, and its output parses to itself', () => {
    const once = rankingRuleFormSchema.parse(form);
    expect(once).toMatchObject({ basedOn: 2, improvementFullAt: 20, indicators: { high_tech_enterprises: { level: 25, improvement: 15 } } });
    expect(rankingRuleFormSchema.parse(once)).toEqual(once);
  });
  test('weights out of range are named per field', () => {
    const result = parseInput(rankingRuleFormSchema, { ...form, latePart: '120', indicators: { high_tech_enterprises: { level: '-1', improvement: '5' } } }, 'zh-CN');
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.fieldErrors.latePart).toEqual([zh.percentRange]);
    expect(result.fieldErrors['indicators.high_tech_enterprises.level']).toEqual([zh.nonNegative]);
  });
});
