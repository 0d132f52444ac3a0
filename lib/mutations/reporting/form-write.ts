// Server only. Writes a planned form inside the caller's transaction: new figures and task reports inserted, changed
// ones updated in one statement per table, each bound to the version it was planned from, and one ValueEvent per item.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { Prisma } from '@/lib/generated/prisma/client';
import type { ApplyOptions, SaveResult } from '@/lib/mutations/reporting/entry';
import type { FormDefinition } from '@/lib/mutations/reporting/form-store';
import type { EventRow, Tx } from '@/lib/mutations/reporting/store';
import { staleVersionError, type ConflictDetail } from '@/lib/reporting/errors';
import type { TaskPlan, TaskWrite, ValuePlan, ValueWrite } from '@/lib/reporting/form-plan';

export async function writePlans(
  tx: Tx,
  actor: Actor,
  name: string,
  def: FormDefinition,
  submissionId: number,
  valuePlans: ValuePlan[],
  taskPlans: TaskPlan[],
  source: ApplyOptions['source'],
  now: Date,
): Promise<Omit<SaveResult, 'submissionId' | 'version' | 'status'>> {
  const events: EventRow[] = [];
  const out: Omit<SaveResult, 'submissionId' | 'version' | 'status'> = {
    created: 0,
    changed: 0,
    unchanged: 0,
    values: {},
    tasks: {},
  };
  const base = { actorId: actor.userId, actorName: name, at: now };

  const creates = valuePlans.filter((p): p is ValueWrite => p.kind === 'create');
  if (creates.length > 0) {
    const rows = await tx.indicatorValue.createManyAndReturn({
      data: creates.map((p) => ({
        indicatorId: p.item.indicatorId,
        unitId: p.item.subjectUnitId,
        reporterUnitId: def.unit.id,
        month: p.item.period,
        stage: p.item.stage,
        value: p.value,
        source,
        status: p.nextStatus,
        comment: p.comment,
        warnings: p.warnings,
        updatedById: actor.userId,
        submissionId,
        createdAt: now,
        updatedAt: now,
      })),
      select: { id: true, indicatorId: true, unitId: true, month: true, stage: true, version: true, status: true },
    });
    const byKey = new Map(rows.map((r) => [`${r.indicatorId}|${r.unitId}|${r.month}|${r.stage}`, r]));
    for (const p of creates) {
      const row = byKey.get(`${p.item.indicatorId}|${p.item.subjectUnitId}|${p.item.period}|${p.item.stage}`)!;
      out.values[p.key] = { id: row.id, version: row.version, status: row.status, warnings: p.warnings };
      events.push({
        ...base,
        valueId: row.id,
        action: source === 'import' ? 'imported' : 'entered',
        fromStatus: null,
        toStatus: row.status,
        oldValue: null,
        newValue: p.value,
        comment: p.comment,
        version: row.version,
      });
    }
    out.created += creates.length;
  }

  const changes = valuePlans.filter((p): p is ValueWrite => p.kind === 'change');
  out.unchanged += valuePlans.filter((p) => p.kind === 'unchanged').length;
  if (changes.length > 0) {
    await updateChanged(tx, actor, now, {
      table: 'IndicatorValue',
      columns: ['value', 'comment', 'warnings'],
      set: Prisma.sql`"value" = d.value, "comment" = d.comment, "warnings" = d.warnings,
        "source" = ${source}::"ValueSource", "isDemo" = false, "submissionId" = ${submissionId}::int,
        "reporterUnitId" = ${def.unit.id}::int`,
      rows: changes.map((p) => ({
        plan: p,
        cells: [Prisma.sql`${p.value}::numeric`, Prisma.sql`${p.comment}::text`, Prisma.sql`${p.warnings}::text[]`],
        field: `values.${p.key}.value`,
      })),
    });
    for (const p of changes) {
      const stored = p.stored!;
      out.values[p.key] = { id: stored.id, version: stored.version + 1, status: p.nextStatus, warnings: p.warnings };
      events.push({
        ...base,
        valueId: stored.id,
        action: source === 'import' ? 'imported' : 'changed',
        fromStatus: stored.status,
        toStatus: p.nextStatus,
        oldValue: stored.value,
        newValue: p.value,
        comment: p.comment,
        version: stored.version + 1,
      });
    }
    out.changed += changes.length;
  }

  out.unchanged += taskPlans.filter((p) => p.kind === 'unchanged').length;
  const taskCreates = taskPlans.filter((p): p is TaskWrite => p.kind === 'create');
  const taskChanges = taskPlans.filter((p): p is TaskWrite => p.kind === 'change');
  const written: { plan: TaskWrite; id: number; version: number }[] = [];
  if (taskCreates.length > 0) {
    const rows = await tx.taskReport.createManyAndReturn({
      data: taskCreates.map((p) => ({
        taskId: p.taskId,
        unitId: def.unit.id,
        month: def.month,
        submissionId,
        role: p.expected.role,
        ...p.content,
        status: p.nextStatus,
        updatedById: actor.userId,
        createdAt: now,
        updatedAt: now,
      })),
      select: { id: true, taskId: true, version: true },
    });
    const byTask = new Map(rows.map((r) => [r.taskId, r]));
    for (const p of taskCreates)
      written.push({ plan: p, id: byTask.get(p.taskId)!.id, version: byTask.get(p.taskId)!.version });
    out.created += taskCreates.length;
  }
  if (taskChanges.length > 0) {
    await updateChanged(tx, actor, now, {
      table: 'TaskReport',
      columns: ['progress', 'narrative', 'note'],
      set: Prisma.sql`"progress" = d.progress::"TaskProgress", "narrative" = d.narrative, "note" = d.note`,
      rows: taskChanges.map((p) => ({
        plan: p,
        cells: [
          Prisma.sql`${p.content.progress}::text`,
          Prisma.sql`${p.content.narrative}::text`,
          Prisma.sql`${p.content.note}::text`,
        ],
        field: `tasks.${p.taskId}.narrative`,
      })),
    });
    for (const p of taskChanges) written.push({ plan: p, id: p.stored!.id, version: p.stored!.version + 1 });
    out.changed += taskChanges.length;
  }
  for (const { plan: p, id, version } of written) {
    const before = p.stored
      ? { progress: p.stored.progress, narrative: p.stored.narrative, note: p.stored.note }
      : null;
    out.tasks[String(p.taskId)] = { id, version, status: p.nextStatus };
    events.push({
      ...base,
      taskReportId: id,
      action: source === 'import' ? 'imported' : p.kind === 'create' ? 'entered' : 'changed',
      fromStatus: p.stored?.status ?? null,
      toStatus: p.nextStatus,
      detail: { before, after: { ...p.content } },
      version,
    });
  }
  if (events.length > 0) await tx.valueEvent.createMany({ data: events });
  return out;
}

/** One changed row of a table: the plan it comes from, its new cells (cast, in the order of `columns`), its field. */
interface ChangedRow {
  plan: ValueWrite | TaskWrite;
  cells: Prisma.Sql[];
  field: string;
}

/**
 * One statement for every changed row of a table, each still bound to the version it was planned from. A submitted
 * item edited back to draft leaves the submission (its submittedAt/By are cleared). If any row moved meanwhile, the
 * whole save fails with "changed by X at T" for each of them.
 */
async function updateChanged(
  tx: Tx,
  actor: Actor,
  now: Date,
  target: { table: 'IndicatorValue' | 'TaskReport'; columns: string[]; set: Prisma.Sql; rows: ChangedRow[] },
): Promise<void> {
  const values = Prisma.join(
    target.rows.map(({ plan, cells }) => {
      const stored = plan.stored!;
      const leavesSubmitted = stored.status === 'submitted' && plan.nextStatus === 'draft';
      return Prisma.sql`(${stored.id}::int, ${stored.version}::int, ${Prisma.join(cells)},
        ${plan.nextStatus}::text, ${leavesSubmitted}::boolean)`;
    }),
  );
  const updated = await tx.$queryRaw<{ id: number }[]>`
    UPDATE ${Prisma.raw(`"${target.table}"`)} AS r SET ${target.set}, "status" = d.status::"ValueStatus",
      "updatedById" = ${actor.userId}::int, "version" = r."version" + 1, "updatedAt" = ${now}::timestamptz,
      "submittedAt" = CASE WHEN d.leaves THEN NULL ELSE r."submittedAt" END,
      "submittedById" = CASE WHEN d.leaves THEN NULL ELSE r."submittedById" END
    FROM (VALUES ${values}) AS d(id, version, ${Prisma.raw(target.columns.join(', '))}, status, leaves)
    WHERE r."id" = d.id AND r."version" = d.version
    RETURNING r."id"`;
  if (updated.length === target.rows.length) return;
  const done = new Set(updated.map((r) => r.id));
  const stale = target.rows.filter(({ plan }) => !done.has(plan.stored!.id));
  throw staleVersionError(
    stale.map(({ plan, field }): ConflictDetail => ({
      field,
      changedBy: plan.stored!.updatedByName,
      changedAt: plan.stored!.updatedAt,
    })),
  );
}
