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
