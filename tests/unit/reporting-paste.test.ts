import { describe, expect, test } from 'vitest';
import { planPaste, splitPasted, type PasteTarget } from '@/lib/reporting/paste';
import { parseFigure } from '@/lib/reporting/figures';

const MONTH = '2026-11';
const count = { unit: '家', decimals: 0 };
const towns = ['天生街道', '朝阳街道', '北温泉街道', '东阳街道'];
const targets: PasteTarget[] = towns.map((label, i) => ({ key: `tech_smes:${i + 10}:${MONTH}:final`, label, rules: count }));

describe('a column pasted from Excel', () => {
  test.each([
    ['1\n2\n3', [['1'], ['2'], ['3']]],
    ['1\r\n2\r\n3\r\n', [['1'], ['2'], ['3']]],
    ['1\r2', [['1'], ['2']]],
    ['1\t9\n2\t8', [['1', '9'], ['2', '8']]],
    ['5', [['5']]],
  ])('%j splits into %j', (text, rows) => {
    expect(splitPasted(text)).toEqual(rows);
  });

  test('fills the cell pasted into and the ones below it, in order', () => {
    const pasted = ['12', '1,234', ' 7 '];
    const outcome = planPaste(pasted.join('\r\n') + '\r\n', MONTH, targets);
    expect(outcome).toEqual({ kind: 'fill', values: pasted.map((v, i) => ({ key: targets[i].key, value: v.trim() })) });
  });

  test('one value on one line is left to the browser', () => {
    expect(planPaste('42', MONTH, targets)).toEqual({ kind: 'single' });
    expect(planPaste('42\n', MONTH, targets)).toEqual({ kind: 'single' });
  });

  test('more values than rows below fills nothing and says how many of each', () => {
    const values = Array.from({ length: targets.length + 2 }, (_, i) => String(i));
    expect(planPaste(values.join('\n'), MONTH, targets)).toEqual({ kind: 'tooMany', pasted: values.length, rows: targets.length });
  });

  test('several columns are refused', () => {
    expect(planPaste('1\t2\n3\t4', MONTH, targets)).toEqual({ kind: 'columns', columns: 2 });
  });

  test('trailing empty columns (a whole Excel row copied) are not columns', () => {
    expect(planPaste('1\t\n2\t', MONTH, targets)).toMatchObject({ kind: 'fill' });
  });

  test('each value the server would refuse is named with its row and the server’s message key, and nothing fills', () => {
    const cells = ['12', '约300', '-1', '3.5'];
    const outcome = planPaste(cells.join('\n'), MONTH, targets);
    const expected = cells
      .map((value, i) => ({ i, value, result: parseFigure(value, count) }))
      .filter((c) => !c.result.ok)
      .map((c) => ({ row: c.i + 1, label: towns[c.i], value: c.value, message: (c.result as { error: string }).error }));
    expect(expected.length).toBe(3);
    expect(outcome).toEqual({ kind: 'invalid', errors: expected });
  });

  test('a blank line leaves its cell empty', () => {
    expect(planPaste('1\n\n3', MONTH, targets)).toEqual({ kind: 'fill', values: [{ key: targets[0].key, value: '1' }, { key: targets[1].key, value: '' }, { key: targets[2].key, value: '3' }] });
  });

  test('decimals follow the indicator’s rules', () => {
    const amount: PasteTarget[] = targets.map((t) => ({ ...t, rules: { unit: '亿元', decimals: 2 } }));
    expect(planPaste('1.25\n2.5', MONTH, amount)).toMatchObject({ kind: 'fill' });
    expect(planPaste('1.255\n2.5', MONTH, amount)).toMatchObject({ kind: 'invalid', errors: [{ row: 1, message: 'validation.maxDecimals_2' }] });
  });
});
