// A child process for the fault tests: opens the test's PostgreSQL schema, runs one domain write and reports the
// result on stdout. The parent SIGKILLs it in the middle (tests/integration/faults-sigkill.test.ts).
// Run as `node --conditions=react-server --import tsx tests/support/fault-child.ts <job.json>`: one process, so SIGKILL leaves no grandchild.
import fs from 'node:fs';
import type { Actor } from '@/lib/actor';
import { fixedClock } from '@/lib/clock';
import { installDatabase, openDatabase } from '@/lib/db/client';
import { submitMonth } from '@/lib/mutations/reporting/entry';
import { confirmImport } from '@/lib/mutations/reporting/import';

export interface FaultJob {
  url: string;
  schema: string;
  actor: Actor;
  at: string;
  op: { kind: 'submit'; month: string; version: number } | { kind: 'import'; month: string; fileHash: string; filePath: string };
}

async function main(): Promise<void> {
  const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as FaultJob;
  const handle = await openDatabase({ kind: 'postgres', url: job.url, schema: job.schema });
  installDatabase(handle);
  const clock = fixedClock(job.at);
  process.stdout.write('started\n');
  const result =
    job.op.kind === 'submit'
      ? await submitMonth(job.actor, { month: job.op.month, version: job.op.version }, clock)
      : await confirmImport(job.actor, { month: job.op.month, fileHash: job.op.fileHash, file: { name: 'report.xlsx', bytes: new Uint8Array(fs.readFileSync(job.op.filePath)) } }, clock);
  process.stdout.write(`done ${JSON.stringify(result)}\n`);
  await handle.close();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
