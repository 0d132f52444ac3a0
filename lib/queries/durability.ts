// Server only. Whether the database may lose committed writes in a crash, for the security admin's page.
import 'server-only';
import { getDatabaseHandle } from '@/lib/db/client';
import { checkDurability, type DurabilityCheck } from '@/lib/db/durability';

export type { DurabilityCheck };

/** Read live on each view (one small query), so the page tells the truth the moment a setting changes. */
export async function getDurabilityCheck(): Promise<DurabilityCheck> {
  const handle = await getDatabaseHandle();
  return checkDurability(handle.prisma, handle.kind);
}
