// npm run registry:import -- [--list high_tech] [--dry-run] <file.xlsx>: previews a bureau list and, unless --dry-run,
// writes it in one transaction (the same domain functions as the /enterprises/import page). Prints one JSON line of
// counts and timings last. REGISTRY_IMPORT_PAUSE_MS (tests only) holds the open transaction after the firms are
// written, so a test can kill the process half-way.
import fs from 'node:fs';
import { systemActor } from '@/lib/actor';
import { closeDb, getDatabaseHandle } from '@/lib/db/client';
import { isDomainError } from '@/lib/errors';
import { confirmRegistryImport, previewRegistryImport } from '@/lib/mutations/registry/import';
import { listKinds, type ListKind } from '@/lib/registry/import-columns';

async function main() {
  const args = process.argv.slice(2);
  const listAt = args.indexOf('--list');
  const list = (listAt >= 0 ? args[listAt + 1] : 'high_tech') as ListKind;
  if (!listKinds.includes(list)) throw new Error(`--list must be one of ${listKinds.join(', ')}`);
  const dryRun = args.includes('--dry-run');
  const fileName = args.filter((a, i) => !a.startsWith('--') && i !== listAt + 1).pop();
  if (!fileName) throw new Error('Usage: npm run registry:import -- [--list high_tech] [--dry-run] <file.xlsx>');
  const pause = Number(process.env.REGISTRY_IMPORT_PAUSE_MS ?? 0);

  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const handle = await getDatabaseHandle();
  const opened = performance.now();
  const actor = systemActor('registry-import');
  const file = { name: fileName.split('/').pop()!, bytes: new Uint8Array(fs.readFileSync(fileName)) };
  const preview = await previewRegistryImport(actor, { list, file });
  const previewed = performance.now();
  console.error(`${handle.description}: ${JSON.stringify(preview.counts)}`);
  for (const row of preview.rows.filter((r) => r.outcome === 'refused').slice(0, 20)) console.error(`  row ${row.row}: ${row.details.join('; ')}`);
  let counts = preview.counts;
  if (!dryRun && preview.canConfirm) {
    const result = await confirmRegistryImport(actor, { list, fileHash: preview.fileHash, file }, {
      onStep: async (step) => {
        console.error(`step ${step}`);
        if (step === 'firmsWritten' && pause > 0) await new Promise((r) => setTimeout(r, pause));
      },
    });
    counts = result.counts;
  }
  const done = performance.now();
  console.log(
    JSON.stringify({
      counts,
      written: !dryRun && preview.canConfirm,
      openMs: Math.round(opened - started),
      previewMs: Math.round(previewed - opened),
      confirmMs: Math.round(done - previewed),
      importMs: Math.round(done - opened),
      // CPU time of this process (user + system): on a shared, loaded machine it says more than the wall clock.
      cpuMs: Math.round((process.cpuUsage(cpuStart).user + process.cpuUsage(cpuStart).system) / 1000),
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
  if (preview.counts.refused > 0) process.exitCode = 2;
}

main()
  .catch((error) => {
    console.error(isDomainError(error) ? error.message : error);
    process.exitCode = 1;
  })
  .finally(closeDb);
