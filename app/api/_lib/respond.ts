// Server only. What the download routes' answers share: file responses with an RFC 5987 filename and no caching.
// Who may ask is decided by the gate (lib/gate/route.ts), like actions and pages.
import 'server-only';

/** `attachment` with an ASCII fallback and the real (Chinese) name as RFC 5987 `filename*`. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function fileResponse(body: Buffer | string, fileName: string, contentType: string): Response {
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    status: 200,
    headers: { 'Content-Type': contentType, 'Content-Disposition': contentDisposition(fileName), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
}
