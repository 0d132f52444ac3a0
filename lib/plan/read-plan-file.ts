// Server only. Reads and validates a plan file; a bad file is refused with every problem listed.
import 'server-only';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { planFileSchema, type PlanFile } from '@/lib/plan/plan-file-schema';

export class PlanFileError extends Error {}

export function parsePlanFile(text: string, origin = 'plan file'): PlanFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new PlanFileError(`${origin}: not valid JSON (${(error as Error).message})`);
  }
  const result = planFileSchema.safeParse(raw);
  if (!result.success) throw new PlanFileError(`${origin} is not a valid plan:\n${z.prettifyError(result.error)}`);
  return result.data;
}

export function readPlanFile(filePath: string): PlanFile {
  return parsePlanFile(fs.readFileSync(/*turbopackIgnore: true*/ filePath, 'utf8'), filePath);
}

/** Hash of the validated content (defaults filled in), so formatting changes alone do not count as a change. */
export function planHash(plan: PlanFile): string {
  return createHash('sha256').update(JSON.stringify(plan)).digest('hex');
}
