// Pure: a rule every free-text field shares. PostgreSQL cannot store the NUL character in text or jsonb (22021), so a
// NUL typed into (or crafted into) a form is refused here with a message, instead of failing at the database.
export const NO_NUL_MESSAGE = 'validation.controlCharacter';

export function hasNoNul(value: string): boolean {
  return !value.includes('\u0000');
}
