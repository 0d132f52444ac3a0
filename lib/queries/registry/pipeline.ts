// Server only. Every function takes the viewer first. The 梯次培育 funnel within the viewer's scope: how many firms are
// in each stage today, the flows in and out per year since the plan began, and the firms one step from the next stage.
import 'server-only';
import type { Actor } from '@/lib/actor';
import type { Day } from '@/lib/registry/dates';
import type { Verdict } from '@/lib/registry/high-tech-criteria';
import { nextStepOf, stageFlows, stagesOn, stages, type NextStep, type Stage, type StageFlow } from '@/lib/registry/pipeline';
import { loadAssessedFirms } from '@/lib/queries/registry/candidates';

/** The plan runs 2023–2027: flows from its first year. */
export const PIPELINE_FROM_YEAR = 2023;
/** Firms listed per next step on the page; the counts cover all of them. */
const LISTED = 15;

export interface PipelineDto {
  today: Day;
  counts: Record<Stage, number>;
  flows: Record<Stage, StageFlow[]>;
  nextSteps: { step: NextStep; total: number; firms: { id: number; creditCode: string; name: string; town: string | null; park: string | null; latestRevenue: number | null; verdict: Verdict }[] }[];
}

const steps: NextStep[] = ['to_cultivation', 'to_high_tech', 'to_above_scale', 'to_little_giant'];

export async function getPipeline(viewer: Actor, today: Day): Promise<PipelineDto> {
  const { firms } = await loadAssessedFirms(viewer, today);
  const pipelineFirms = firms.map((f) => ({ id: f.id, aboveScale: f.aboveScale, qualifications: f.qualifications, latestRevenue: f.latestRevenue, candidate: f.assessment.verdict }));
  const counts = Object.fromEntries(stages.map((s) => [s, 0])) as Record<Stage, number>;
  for (const f of pipelineFirms) for (const s of stagesOn(f, today)) counts[s] += 1;
  const byStep = new Map<NextStep, typeof firms>(steps.map((s) => [s, []]));
  firms.forEach((f, i) => {
    const step = nextStepOf(pipelineFirms[i], today);
    if (step) byStep.get(step)!.push(f);
  });
  const rank = (f: (typeof firms)[number]) => (f.assessment.verdict === 'eligible' ? 0 : 1);
  return {
    today,
    counts,
    flows: stageFlows(pipelineFirms, PIPELINE_FROM_YEAR, today),
    nextSteps: steps.map((step) => {
      const all = byStep.get(step)!.sort((a, b) => rank(a) - rank(b) || (b.latestRevenue ?? 0) - (a.latestRevenue ?? 0) || a.id - b.id);
      return {
        step,
        total: all.length,
        firms: all.slice(0, LISTED).map((f) => ({ id: f.id, creditCode: f.creditCode, name: f.name, town: f.town, park: f.park, latestRevenue: f.latestRevenue, verdict: f.assessment.verdict })),
      };
    }),
  };
}
