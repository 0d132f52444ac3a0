import { expect, test } from 'vitest';
import { IMPORTS_PER_SERVER, ImportBusyError, withImportSlot } from '@/lib/reporting/import-slots';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

test('one import per user at a time: a second one is refused at once, and the slot is free again afterwards', async () => {
  const g = gate();
  const first = withImportSlot('7', () => g.opened.then(() => 'first'));
  await expect(withImportSlot('7', async () => 'second')).rejects.toMatchObject({ scope: 'user' });
  expect(await withImportSlot('8', async () => 'another user')).toBe('another user');
  g.open();
  expect(await first).toBe('first');
  expect(await withImportSlot('7', async () => 'again')).toBe('again');
});

test('a failed import frees its slot too', async () => {
  await expect(withImportSlot('9', async () => Promise.reject(new Error('bad file')))).rejects.toThrow('bad file');
  expect(await withImportSlot('9', async () => 'ok')).toBe('ok');
});

test(`at most ${IMPORTS_PER_SERVER} imports at once on the server`, async () => {
  const g = gate();
  const running = Array.from({ length: IMPORTS_PER_SERVER }, (_, i) => withImportSlot(`u${i}`, () => g.opened));
  const refused = await withImportSlot('late', async () => 'no').catch((e) => e);
  expect(refused).toBeInstanceOf(ImportBusyError);
  expect(refused.scope).toBe('server');
  g.open();
  await Promise.all(running);
});
