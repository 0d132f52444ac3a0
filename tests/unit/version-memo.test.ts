import { expect, test } from 'vitest';
import { createVersionMemo } from '@/lib/version-memo';

test('a value is computed once per key and version, and again when the version moves', async () => {
  const memo = createVersionMemo<number>();
  let calls = 0;
  const compute = async () => ++calls;
  expect(await memo.get('2026-10', 'v1', compute)).toBe(1);
  expect(await memo.get('2026-10', 'v1', compute)).toBe(1);
  expect(await memo.get('2026-09', 'v1', compute)).toBe(2);
  expect(await memo.get('2026-10', 'v2', compute)).toBe(3);
  expect(calls).toBe(3);
});

test('concurrent lookups share one computation', async () => {
  const memo = createVersionMemo<string>();
  let calls = 0;
  const compute = () => new Promise<string>((resolve) => setTimeout(() => resolve(`run ${++calls}`), 5));
  const results = await Promise.all(Array.from({ length: 10 }, () => memo.get('k', 'v', compute)));
  expect(new Set(results)).toEqual(new Set(['run 1']));
});

test('a failed computation is not kept', async () => {
  const memo = createVersionMemo<number>();
  await expect(memo.get('k', 'v', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
  expect(await memo.get('k', 'v', async () => 7)).toBe(7);
});

test('the oldest entries go first when the memo is full', async () => {
  const memo = createVersionMemo<number>(2);
  await memo.get('a', 'v', async () => 1);
  await memo.get('b', 'v', async () => 2);
  await memo.get('a', 'v', async () => 99); // touch a
  await memo.get('c', 'v', async () => 3);
  expect(memo.size).toBe(2);
  expect(await memo.get('b', 'v', async () => 20)).toBe(20);
  expect(await memo.get('a', 'v', async () => 98)).toBe(98); // evicted by b's return
});

test('peek answers only with a finished value of the same version', async () => {
  const memo = createVersionMemo<number>();
  let release = (_: number) => {};
  const pending = memo.get('k', 'v1', () => new Promise<number>((resolve) => (release = resolve)));
  expect(memo.peek('k', 'v1')).toBeUndefined();
  release(5);
  await pending;
  expect(memo.peek('k', 'v1')).toBe(5);
  expect(memo.peek('k', 'v2')).toBeUndefined();
  expect(memo.peek('other', 'v1')).toBeUndefined();
});
