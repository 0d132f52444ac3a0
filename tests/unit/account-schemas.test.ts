import { expect, test } from 'vitest';
import { endSessionSchema } from '@/lib/schemas/auth';
import { parseInput } from '@/lib/validation/parse';

test.each([
  [{ session: 'others' }, true],
  [{ session: '0123456789abcdef' }, true],
  [{ session: '0123456789ABCDEF' }, false],
  [{ session: 'not-a-session' }, false],
  [{ session: 5 }, false],
  [{ session: ['0123456789abcdef', 'others'] }, false],
  [{}, false],
])('endSessionSchema %j → %s, with the message in the user\'s language', (input, ok) => {
  const zh = parseInput(endSessionSchema, input, 'zh-CN');
  expect(zh.success).toBe(ok);
  if (!zh.success) {
    expect(zh.fieldErrors.session).toEqual(['请选择要结束的会话']);
    const en = parseInput(endSessionSchema, input, 'en');
    expect(!en.success && en.fieldErrors.session).toEqual(['Choose a session to end']);
  }
});

test('endSessionSchema refuses fields it does not know', () => {
  const result = parseInput(endSessionSchema, { session: 'others', userId: '7' }, 'zh-CN');
  expect(result.success).toBe(false);
});
