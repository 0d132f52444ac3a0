// Found by fuzzing (tests/integration/fuzz-actions.test.ts, a 催办 message of "\ud800"): a lone surrogate passed the
// text rule and failed at the database's json. Free text is refused with a message when PostgreSQL cannot store it.
import { expect, test } from 'vitest';
import { isStorableText, wellFormed } from '@/lib/schemas/text';

test.each([
  ['ordinary Chinese text', '请于本月 10 日前报送', true],
  ['an emoji (a surrogate pair)', '按时报送 👍', true],
  ['a NUL', '报送\u0000', false],
  ['a lone high surrogate', '\ud800', false],
  ['a lone low surrogate after text', '报送\udc00', false],
  ['a pair reversed', '\udc00\ud800', false],
  ['the empty string', '', true],
])('%s: storable = %s', (_name, value, storable) => {
  expect(isStorableText(value)).toBe(storable);
});

test('wellFormed replaces only lone surrogates, keeping pairs', () => {
  expect(wellFormed('a\ud800b👍\udc00')).toBe('a\uFFFDb👍\uFFFD');
});

// Found by fuzzing (tests/integration/fuzz-actions-more.test.ts, a foreword of "a\u0000b"): the bulletin's and the
// supervision items' free text had no such rule and failed at the database.
test.each(['a\u0000b', '按语\ud800'])('the bulletin foreword and a supervision reason refuse %j on their field', async (bad) => {
  const { bulletinTextSchema } = await import('@/lib/schemas/bulletin');
  const { returnSupervisionSchema } = await import('@/lib/schemas/supervision/items');
  const bulletin = bulletinTextSchema.safeParse({ month: '2026-10', foreword: bad, remarks: '', version: 1 });
  expect(bulletin.success ? [] : bulletin.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['foreword', 'validation.controlCharacter']]);
  const supervision = returnSupervisionSchema.safeParse({ itemId: 1, version: 1, reason: `理由${bad}` });
  expect(supervision.success ? [] : supervision.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['reason', 'validation.controlCharacter']]);
});
