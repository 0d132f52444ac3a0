// Pure: a rule every free-text field shares. PostgreSQL cannot store the NUL character in text or jsonb (22021), and a
// lone UTF-16 surrogate (half of an emoji, from a crafted request or a broken paste) is invalid in its json (22P02);
// both are refused here with a message, instead of failing at the database.
export const STORABLE_TEXT_MESSAGE = 'validation.controlCharacter';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

/** The same text with each lone surrogate replaced by U+FFFD, as UTF-8 encoding does for text columns. */
export function wellFormed(value: string): string {
  return value.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}
