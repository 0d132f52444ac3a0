import { describe, expect, test } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckCharacter,
  makeCreditCode,
  normaliseCreditCode,
  validateCreditCode,
} from '@/lib/registry/credit-code';

// Codes printed on business licences in the public record (and the standard's own worked example, the first).
const valid = ['91350100M000100Y43', '9144030071526726XG', '91330100716105852F', '914403001922038216', '91110000802100433B'];

describe('validateCreditCode', () => {
  test.each(valid)('%s is valid', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true, code });
  });

  test.each([
    ['  91350100m000100y43 ', '91350100M000100Y43'],
    ['９１３５０１００Ｍ０００１００Ｙ４３', '91350100M000100Y43'],
    ['913501 00M000 100Y43', '91350100M000100Y43'],
    ['\u300091350100M000100Y43\u3000', '91350100M000100Y43'],
  ])('%j is normalised to %s', (raw, code) => {
    expect(validateCreditCode(raw)).toEqual({ ok: true, code });
  });

  test.each([
    ['', 'empty', '不能为空'],
    ['   ', 'empty', '不能为空'],
    ['91350100M000100Y4', 'length', '应为 18 位，实为 17 位'],
    ['91350100M000100Y431', 'length', '实为 19 位'],
    ['91350100M000100I43', 'character', '第 16 位“I”'],
    ['91350100O000100Y43', 'character', '第 9 位“O”'],
    ['91350100M0001-0Y43', 'character', '第 14 位“-”'],
    ['Z1350100M000100Y43', 'character', '第 1 位“Z”'],
    ['B1350100M000100Y43', 'authority', '登记管理部门代码“B”不存在'],
    ['0135010M000100Y43X', 'authority', '“0”不存在'],
    ['95350100M000100Y43', 'type', '机构类别代码“5”不属于登记管理部门“工商（市场监管）”'],
    ['Y2350100M000100Y43', 'type', '“2”不属于登记管理部门“其他”'],
    ['9135A100M000100Y43', 'division', '行政区划码应为 6 位数字'],
    ['91350100M000100Y44', 'check', '第 18 位校验码应为“3”，实为“4”'],
    ['91350100M000100Y34', 'check', '校验码'],
  ])('%j is refused (%s)', (raw, kind, fragment) => {
    const result = validateCreditCode(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.kind).toBe(kind);
    expect(result.reason).toContain(fragment);
  });

  test('every single-character typo in position 1–17 is caught (by a rule or the check character)', () => {
    const code = valid[0];
    for (let i = 0; i < 17; i += 1) {
      for (const c of CREDIT_CODE_ALPHABET) {
        if (c === code[i]) continue;
        const typo = code.slice(0, i) + c + code.slice(i + 1);
        expect(validateCreditCode(typo).ok, typo).toBe(false);
      }
    }
  });

  test('makeCreditCode builds codes the validator accepts, for area 500109', () => {
    for (let n = 0; n < 200; n += 1) {
      const code = makeCreditCode('91', '500109', `MA${String(n).padStart(7, '0')}`);
      expect(validateCreditCode(code)).toEqual({ ok: true, code });
      expect(code[17]).toBe(creditCodeCheckCharacter(code.slice(0, 17)));
    }
  });

  test('normaliseCreditCode folds full-width letters and digits only', () => {
    expect(normaliseCreditCode('ａｂｃ１２３')).toBe('ABC123');
  });
});
