import { describe, expect, test } from 'vitest';
import { csvCell, toCsv } from '@/lib/csv';
import { formatTimestamp } from '@/lib/timestamp';

describe('CSV cells that a spreadsheet would run as a formula are neutralised', () => {
  test.each([
    ['=1+1', `"'=1+1"`],
    ['+86 123', `"'+86 123"`],
    ['-5', `"'-5"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=cmd', `"'\t=cmd"`],
    ['\r=cmd', `"'\r=cmd"`],
    ['plain', '"plain"'],
    ['a=b', '"a=b"'],
    ['区科技局', '"区科技局"'],
    ['say "hi", twice', '"say ""hi"", twice"'],
    ['line\nbreak', '"line\nbreak"'],
    [null, '""'],
    [undefined, '""'],
    [42, '"42"'],
    [{ a: 1 }, '"{""a"":1}"'],
  ])('%j → %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

test('a CSV starts with a byte-order mark and ends rows with CRLF', () => {
  const csv = toCsv(['编号', '事件'], [[1, 'auth.signIn'], [2, '=HYPERLINK("x")']]);
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.slice(1)).toBe('"编号","事件"\r\n"1","auth.signIn"\r\n"2","\'=HYPERLINK(""x"")"\r\n');
  expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
});

test('timestamps are Beijing wall-clock time with seconds', () => {
  expect(formatTimestamp('2026-11-15T02:00:07.123Z')).toBe('2026-11-15 10:00:07');
  expect(formatTimestamp(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01 00:00:00');
});
