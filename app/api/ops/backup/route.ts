// POST /api/ops/backup: the running server backs up its embedded database into backups/ (or BACKUP_DIR) and answers
// with the file and its counts. Called by `npm run db:backup` on the same machine: the caller proves it may read the
// data folder by presenting the token the server wrote next to it (lib/db/backup/online.ts); no session, no cookie.
// On PostgreSQL it answers 409: pg_dump backs up a running server by itself.
import path from 'node:path';
import { NextResponse, type NextRequest } from 'next/server';
import { takeOnlineBackup } from '@/lib/mutations/backup';

export const dynamic = 'force-dynamic';

const json = (status: number, body: Record<string, unknown>) => NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

export async function POST(request: NextRequest): Promise<NextResponse> {
  const token = request.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? null;
  try {
    const outcome = await takeOnlineBackup(token, process.env.BACKUP_DIR || path.join(process.cwd(), 'backups'));
    if (!outcome.ok) return json(outcome.status, { error: outcome.error });
    const { backup } = outcome;
    const rows = Object.values(backup.manifest.tables).reduce((sum, t) => sum + t.rows, 0);
    return json(200, { file: backup.file, tables: Object.keys(backup.manifest.tables).length, rows, ms: backup.ms, source: backup.manifest.source });
  } catch (error) {
    console.error('[backup] online backup failed:', error);
    return json(503, { error: `The backup failed: ${error instanceof Error ? error.message : String(error)}` });
  }
}
