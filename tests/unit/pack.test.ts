import { describe, expect, test } from 'vitest';
import { pack, unpack } from '@/lib/dashboard/pack';

const rows = [
  { code: 'a', name: '高新技术企业', leads: [{ label: '区科技局', href: '/units/2' }], share: { text: '80%', ratio: 0.8 }, targets: ['2025年目标 达成'], tag: '任务6' },
  { code: 'b', name: '科技型企业', leads: [{ label: '区科技局', href: '/units/2' }, { label: '区经济信息委', href: '/units/7' }], share: null, targets: [], tag: undefined },
];

describe('pack', () => {
  test('an array of objects becomes one header and rows of values, and unpacks to the same data', () => {
    const packed = pack({ rows, noData: '暂无数据' });
    expect(unpack(packed)).toEqual({ rows: rows.map(({ tag, ...r }) => (tag === undefined ? { ...r, tag: null } : { ...r, tag })), noData: '暂无数据' });
    // Each key list once (rows and their links), whatever the number of rows.
    expect(packed.h).toEqual([Object.keys(rows[0]), ['label', 'href']]);
    expect(JSON.stringify(packed.d).match(/"code"/g)).toBeNull();
    // Each word once: the unit named in both rows is one string.
    expect((packed.s as string).split('¦').filter((x) => x === '区科技局')).toHaveLength(1);
  });

  test('packed data is smaller than the objects once there are a few rows', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ ...rows[0], code: `c${i}` }));
    expect(JSON.stringify(pack(many)).length).toBeLessThan(JSON.stringify(many).length * 0.75);
  });

  test('strings holding the separator travel as a list', () => {
    const value = { a: 'x¦y', b: ['', 'z'] };
    expect(Array.isArray(pack(value).s)).toBe(true);
    expect(unpack(pack(value))).toEqual(value);
    expect(unpack(pack({ b: ['', 'z', ''] }))).toEqual({ b: ['', 'z', ''] });
  });

  test('plain arrays, numbers, booleans and empty arrays come back as they went', () => {
    const value = { a: [1, 2, 3], b: [], c: true, d: 0, e: ['§ not a header', '#'], f: [[1], [2]], g: [{ '§': 1 }], h: [{ '#': 2 }] };
    expect(unpack(pack(value))).toEqual(value);
  });
});
