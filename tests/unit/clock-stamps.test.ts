import fs from 'node:fs';
import { expect, test } from 'vitest';
import { CLOCK_STAMPS } from '@/lib/db/clock-stamps';

test('every @updatedAt and @default(now()) field of the schema is stamped from the clock', () => {
  const schema = fs.readFileSync('prisma/schema.prisma', 'utf8');
  const expected: Record<string, { create: string[]; update: string[] }> = {};
  for (const [, model, body] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    for (const line of body.split('\n')) {
      const field = line.trim().split(/\s+/)[0];
      const updated = line.includes('@updatedAt');
      if (!updated && !line.includes('@default(now())')) continue;
      expected[model] ??= { create: [], update: [] };
      expected[model].create.push(field);
      if (updated) expected[model].update.push(field);
    }
  }
  expect(Object.keys(expected).length).toBeGreaterThan(10);
  expect(CLOCK_STAMPS).toEqual(expected);
});
