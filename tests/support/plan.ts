// The bundled plan file, parsed, for tests that need a real plan.
import path from 'node:path';
import { readPlanFile } from '@/lib/plan/read-plan-file';
import type { PlanFile } from '@/lib/plan/plan-file-schema';

export const BUNDLED_PLAN_PATH = path.resolve(__dirname, '../../prisma/plans/beibei-2023-2027.json');

/** A fresh deep copy each call, so a test may edit it freely. */
export function bundledPlan(): PlanFile {
  return structuredClone(readPlanFile(BUNDLED_PLAN_PATH));
}
