// Pure: a plausible reporting record for the demo: which units submitted which month and when (most on time, some
// late, some still missing for the latest month), and short progress notes for the tasks they lead.
import { addMonths, monthRange, parseMonth, type Month } from '@/lib/periods';
import { DEMO_START } from '@/lib/demo/demo-values';

export interface DemoSubmission {
  unitName: string;
  month: Month;
  /** Null: not submitted (the unit is late for this month). */
  submittedAt: Date | null;
}

export interface DemoTaskReport {
  taskNo: number;
  unitName: string;
  month: Month;
  progress: 'on_track' | 'behind' | 'done';
  narrative: string;
}

function seeded(seed: string): () => number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h ^= h >>> 16) >>> 0) / 4294967296;
  };
}

/** 09:00 CST on a day of the month after `month`. */
function dayAfter(month: Month, day: number): Date {
  const next = parseMonth(addMonths(month, 1));
  return new Date(Date.UTC(next.year, next.month - 1, day, 1, 0, 0));
}

/**
 * Each unit's submissions from DEMO_START to `through`, at its habitual day. A submission whose day is after `now` has
 * not happened yet: it is left out as not submitted, so the demo never claims a time in the clock's future.
 */
export function generateDemoSubmissions(unitNames: string[], through: Month, dueDay = 5, now?: Date): DemoSubmission[] {
  const out: DemoSubmission[] = [];
  for (const unitName of unitNames) {
    const rnd = seeded(`submissions:${unitName}`);
    const punctuality = 0.8 + rnd() * 0.18; // each unit has its own habit
    for (const month of monthRange(DEMO_START, through)) {
      const r = rnd();
      if (month === through && r > 0.6) {
        out.push({ unitName, month, submittedAt: null });
        continue;
      }
      const day = r < punctuality ? Math.max(1, dueDay - Math.floor(rnd() * 4)) : dueDay + 1 + Math.floor(rnd() * 3);
      const at = dayAfter(month, day);
      out.push({ unitName, month, submittedAt: now && at > now ? null : at });
    }
  }
  return out;
}

const NARRATIVES = {
  on_track: (title: string) => `按计划推进“${title}”：本月召开专题调度会1次，走访重点企业和平台，梳理问题清单并逐项落实责任单位。`,
  behind: (title: string) => `“${title}”进度滞后：部分项目受资金和用地因素影响推进较慢，已提请专班协调，下月重点跟进。`,
  done: (title: string) => `“${title}”本阶段工作已完成，转入常态化推进。`,
};

/** The last three months' progress notes of each lead unit, for the tasks page. */
export function generateDemoTaskReports(leads: { taskNo: number; title: string; unitName: string }[], submitted: Set<string>, through: Month): DemoTaskReport[] {
  const out: DemoTaskReport[] = [];
  for (const lead of leads) {
    const rnd = seeded(`tasks:${lead.taskNo}:${lead.unitName}`);
    for (const month of monthRange(addMonths(through, -2), through)) {
      if (!submitted.has(`${lead.unitName}|${month}`)) continue;
      const progress = rnd() < 0.8 ? 'on_track' : 'behind';
      out.push({ taskNo: lead.taskNo, unitName: lead.unitName, month, progress, narrative: NARRATIVES[progress](lead.title) });
    }
  }
  return out;
}
