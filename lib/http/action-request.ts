// Pure: what a POST to a page (a server action) must look like before Next.js decodes it. Next.js answers a foreign
// Origin, a body over its limit and a body that is not form data with a 500 (or hands the action a non-FormData
// argument); the proxy refuses them first with a 4xx and a reason that is audited (app/api/refused-request).

/** The same limit as `serverActions.bodySizeLimit: '3mb'` in next.config.js (the Excel template is at most 2 MB). */
export const SERVER_ACTION_BODY_LIMIT = 3 * 1024 * 1024;

export type ActionRequestProblem =
  | { status: 403; reason: 'foreign origin' }
  | { status: 411; reason: 'no content length' }
  | { status: 413; reason: 'body too large' }
  | { status: 415; reason: 'not form data' };

export interface RequestHead {
  method: string;
  headers: Headers;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Null when the request may go on. Applies to every POST to a page; the body checks only to server-action calls (the
 * `Next-Action` header), which the app's forms always send as multipart form data with a known length.
 */
export function actionRequestProblem({ method, headers }: RequestHead): ActionRequestProblem | null {
  if (method !== 'POST') return null;
  const origin = headers.get('origin');
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  // Like Next.js, a request without Origin (a script, an old browser) passes: it carries no one's cookies by accident.
  if (origin !== null && (origin === 'null' || !host || hostOf(origin) !== host)) return { status: 403, reason: 'foreign origin' };
  const isAction = headers.has('next-action');
  const length = headers.get('content-length');
  if (length !== null && (!/^\d+$/.test(length) || Number(length) > SERVER_ACTION_BODY_LIMIT)) return { status: 413, reason: 'body too large' };
  if (!isAction) return null;
  if (length === null) return { status: 411, reason: 'no content length' };
  if (!/^multipart\/form-data\s*;\s*boundary=/i.test(headers.get('content-type') ?? '')) return { status: 415, reason: 'not form data' };
  return null;
}
