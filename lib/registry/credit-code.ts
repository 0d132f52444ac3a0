// Pure: 统一社会信用代码 per GB 32100-2015 — normalise, validate, and compute the check character. No I/O.

/** The code's alphabet: digits and upper-case letters without I, O, Z, S, V (so they are never misread). */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/**
 * Registration-authority code (position 1) → the organisation-type codes (position 2) it may issue,
 * from GB 32100-2015 Annex A.
 */
export const AUTHORITY_TYPES: Readonly<Record<string, { name: string; types: string }>> = {
  '1': { name: '机构编制', types: '1239' },
  '2': { name: '外交', types: '19' },
  '3': { name: '司法行政', types: '12345679' },
  '4': { name: '文化', types: '19' },
  '5': { name: '民政', types: '1239' },
  '6': { name: '旅游', types: '129' },
  '7': { name: '宗教', types: '129' },
  '8': { name: '工会', types: '129' },
  '9': { name: '工商（市场监管）', types: '123' },
  A: { name: '中央军委改革和编制办公室', types: '19' },
  N: { name: '农业', types: '129' },
  Y: { name: '其他', types: '1' },
};

export type CreditCodeResult =
  | { ok: true; code: string }
  | { ok: false; reason: string; kind: 'empty' | 'length' | 'character' | 'authority' | 'type' | 'division' | 'check' };

/** Trims, folds full-width ASCII (Ａ, １, full-width space) to half-width, removes inner spaces, upper-cases. */
export function normaliseCreditCode(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

/** The 18th character for the first 17 (which must already be in the alphabet). */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

export function validateCreditCode(raw: string): CreditCodeResult {
  const code = normaliseCreditCode(raw ?? '');
  if (code.length === 0) return { ok: false, kind: 'empty', reason: '统一社会信用代码不能为空' };
  if (code.length !== 18) {
    return { ok: false, kind: 'length', reason: `统一社会信用代码应为 18 位，实为 ${code.length} 位` };
  }
  for (let i = 0; i < 18; i += 1) {
    if (!CREDIT_CODE_ALPHABET.includes(code[i])) {
      return {
        ok: false,
        kind: 'character',
        reason: `第 ${i + 1} 位“${code[i]}”不是统一社会信用代码允许的字符（数字及除 I、O、Z、S、V 外的大写字母）`,
      };
    }
  }
  const authority = AUTHORITY_TYPES[code[0]];
  if (!authority) return { ok: false, kind: 'authority', reason: `第 1 位登记管理部门代码“${code[0]}”不存在` };
  if (!authority.types.includes(code[1])) {
    return {
      ok: false,
      kind: 'type',
      reason: `第 2 位机构类别代码“${code[1]}”不属于登记管理部门“${authority.name}”（可为 ${authority.types.split('').join('、')}）`,
    };
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return { ok: false, kind: 'division', reason: '第 3–8 位登记管理机关行政区划码应为 6 位数字' };
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) {
    return { ok: false, kind: 'check', reason: `第 18 位校验码应为“${expected}”，实为“${code[17]}”，代码可能有录入错误` };
  }
  return { ok: true, code };
}

/** Builds a valid code from its parts (used by the demo registry and tests); `serial` fills positions 9–17. */
export function makeCreditCode(authorityType: string, division: string, serial: string): string {
  const first17 = `${authorityType}${division}${serial}`;
  if (first17.length !== 17) throw new RangeError(`Need 17 characters, got ${first17.length}`);
  return first17 + creditCodeCheckCharacter(first17);
}
