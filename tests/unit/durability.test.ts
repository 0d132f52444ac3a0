import { expect, test } from 'vitest';
import { durabilityWarning, settingsOff } from '@/lib/db/durability';

const all = (fsync: string, fpw: string, sync: string) => [
  { name: 'fsync', setting: fsync },
  { name: 'full_page_writes', setting: fpw },
  { name: 'synchronous_commit', setting: sync },
];

test.each([
  [all('on', 'on', 'on'), []],
  [all('on', 'on', 'local'), []],
  [all('on', 'on', 'remote_apply'), []],
  [all('off', 'on', 'on'), ['fsync']],
  [all('on', 'off', 'off'), ['full_page_writes', 'synchronous_commit']],
  [all('OFF', 'off', 'off'), ['fsync', 'full_page_writes', 'synchronous_commit']],
])('settings %j: off = %j', (rows, off) => {
  expect(settingsOff(rows)).toEqual(off);
});

test('a warning names what is off and what to do; none when all is on', () => {
  expect(durabilityWarning({ engine: 'postgres', off: [] })).toBeNull();
  expect(durabilityWarning({ engine: 'postgres', off: ['fsync'] })).toMatch(/fsync off.*postgresql\.conf/);
  expect(durabilityWarning({ engine: 'pglite', off: ['fsync'] })).toMatch(/embedded.*fsync.*DATABASE_URL/);
});
