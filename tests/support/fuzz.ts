// Generators for the fuzz tests (fast-check): the hostile values a crafted POST can carry, field by field.
import fc from 'fast-check';

/** Odd Unicode: zero-width and bidi controls, NUL, lone surrogates, combining marks, wide digits, emoji, markup. */
export const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u200b', '\u202e审核通过', 'a\u0000b', '\ud800', 'e\u0301\u0301\u0301', '１２３', '🏭🏢', '<script>alert(1)</script>', "'; DROP TABLE \"User\"; --", 'x'.repeat(600), '合理说明'),
);

/** Numbers a form should refuse or handle: non-finite, huge, negative zero, fractions, number-like strings. */
export const oddNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 2 ** 31, 2 ** 53, Number.MAX_VALUE, 1e-320),
  fc.constantFrom('NaN', 'Infinity', '-0', '1e308', '9'.repeat(40), '1,000', '0x10', ' 7 ', '１２', '12.345678901', '-5', '1e3', ''),
);

/** An id: one of the real ones (other units', other users'), or anything id-like and not. */
export function idFrom(real: number[]) {
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: oddNumber }, { weight: 1, arbitrary: fc.constantFrom(...real.map(String)) });
}

export const version = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 4 }) }, { weight: 1, arbitrary: oddNumber });

export const month = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('2026-01', '2026-03', '2026-06', '2026-09', '2026-10', '2025-12') },
  { weight: 2, arbitrary: fc.constantFrom('2026-13', '2026-00', '2026-1', '26-03', '２０２６-０３', '2026-03-01', '2026/03', ' 2026-03', '9999-12', '0000-01', '') },
  { weight: 1, arbitrary: oddText },
);

/** Fields a client must never be able to set, added to an otherwise plausible input. */
export const extraFields = fc.record(
  {
    status: fc.constantFrom('approved', 'submitted', 'draft'),
    version: version,
    unitId: fc.integer({ min: 1, max: 200 }),
    submittedById: fc.integer({ min: 1, max: 200 }),
    isDemo: fc.boolean(),
    constructor: fc.constant('x'),
  },
  { requiredKeys: [] },
);

/** A plausible input (each field from its generator), sometimes with extra fields, sometimes a field missing or wrong. */
export function inputOf(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const plausible = fc.record(fields, { requiredKeys: Object.keys(fields) });
  return fc.oneof(
    { weight: 6, arbitrary: plausible },
    { weight: 2, arbitrary: fc.tuple(plausible, extraFields).map(([input, extra]) => ({ ...(input as object), ...extra })) },
    { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  );
}
