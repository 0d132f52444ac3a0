// Pure: the stable cursor of paginated lists. Rows are ordered by id (ascending, never reused), and the cursor names
// the last id sent, so rows approved while a client pages through do not shift the pages it has not read yet.
const CURSOR_RE = /^[A-Za-z0-9_-]{1,40}$/;

export function encodeCursor(lastId: number): string {
  return Buffer.from(`v1:${lastId}`, 'utf8').toString('base64url');
}

/** The id after which to continue, or null when the cursor is not one this API handed out. */
export function decodeCursor(cursor: string): number | null {
  if (!CURSOR_RE.test(cursor)) return null;
  const match = /^v1:([1-9]\d{0,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) return null;
  const id = Number(match[1]);
  return id <= 2_147_483_647 ? id : null;
}
