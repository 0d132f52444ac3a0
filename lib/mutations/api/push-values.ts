// Server only. Every function takes the acting API client first. A client system's monthly figures enter the same
// review workflow as figures typed into the form: saved through the form's own planner and writer (same validation,
// same soft checks, same state machine), then submitted, never approved. One transaction: save, submit, the
// caller's idempotency and call rows; a refusal leaves nothing behind.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { ApiError, fieldDetails } from '@/lib/api/errors';
import { mayReportIndicator } from '@/lib/api/scope';
import { recordAudit } from '@/lib/audit';
import type { Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { ForbiddenError } from '@/lib/errors';
import { loadReportingSettings } from '@/lib/mutations/reporting/form-store';
import { applyFormIn } from '@/lib/mutations/reporting/entry';
import { getPlanStructure, type PlanStructure } from '@/lib/mutations/reporting/plan-structure';
import { actorName, assertCan, planIdOfUnit, refreshSubmission, TX_OPTIONS, type EventRow, type Tx } from '@/lib/mutations/reporting/store';
import { windowState } from '@/lib/reporting/deadlines';
import { ReportValidationError } from '@/lib/reporting/errors';
import type { ValueEntry } from '@/lib/reporting/form-plan';
import { itemKey } from '@/lib/reporting/keys';
import { nextItemState } from '@/lib/reporting/state-machine';
import type { PushValuesInput } from '@/lib/schemas/api/requests';

export interface PushValuesResult {
  submissionId: number | null;
  status: string;
  created: number;
  changed: number;
  unchanged: number;
  submitted: number;
  values: { key: string; id: number; status: string; warnings: string[] }[];
}

/** Form field paths (`values.<itemKey>.value`) back to the pushed array's (`values.3.value`). */
export function pushPath(keys: readonly string[]): (field: string) => string {
  const index = new Map(keys.map((k, i) => [k, i]));
  return (field) => {
    const m = /^values\.([^.]+)\.(\w+)$/.exec(field);
    const i = m ? index.get(m[1]) : undefined;
    return i === undefined ? field : `values.${i}.${m![2]}`;
  };
}

export async function pushValues(
  actor: Actor,
  input: PushValuesInput,
  clock: Clock,
  finish: (tx: Tx, result: PushValuesResult) => Promise<void>,
): Promise<PushValuesResult> {
  const grant = actor.api;
  if (!grant) throw new ForbiddenError();
  if (!grant.scopes.includes('report') || !grant.unitIds.includes(input.unitId)) {
    throw new ApiError('out_of_scope', '该令牌无权为此单位报送', 'This token may not report for this unit', 'unitId');
  }
  assertCan(actor, 'figure.enter', { unitId: input.unitId });
  const db = await getDb();
  const structure = await getPlanStructure(db, await planIdOfUnit(db, input.unitId));
  const byCode = new Map(structure.indicators.map((i) => [i.code, i]));
  const keys: string[] = [];
  const entries: ValueEntry[] = [];
  input.values.forEach((v, i) => {
    const indicator = byCode.get(v.indicator);
    if (!indicator) throw new ApiError('validation_failed', `指标“${v.indicator}”不在规划中`, `No indicator “${v.indicator}” in the plan`, `values.${i}.indicator`);
    if (!mayReportIndicator(grant, indicator.id)) {
      throw new ApiError('out_of_scope', `该令牌无权报送指标“${v.indicator}”`, `This token may not report “${v.indicator}”`, `values.${i}.indicator`);
    }
    const key = itemKey({ code: v.indicator, subjectUnitId: v.subjectUnitId ?? input.unitId, period: v.period ?? input.month, stage: v.stage ?? 'final' });
    if (keys.includes(key)) throw new ApiError('validation_failed', '同一数值重复出现', 'The same figure appears twice', `values.${i}`);
    keys.push(key);
    entries.push({ key, value: typeof v.value === 'number' ? String(v.value) : v.value, version: 0, comment: v.comment });
  });
  const now = clock();
  try {
    return await saveAndSubmit(db, actor, structure, input, keys, entries, now, finish);
  } catch (error) {
    // The form's field paths (values.<itemKey>.value) become the pushed array's (values.3.value).
    if (error instanceof ReportValidationError) {
      const rename = pushPath(keys);
      const details = fieldDetails(error.fields ?? {}, rename);
      throw new ApiError('validation_failed', error.message, error.messageEn, details[0]?.path ?? null, details);
    }
    throw error;
  }
}

async function saveAndSubmit(
  db: Awaited<ReturnType<typeof getDb>>,
  actor: Actor,
  structure: PlanStructure,
  input: PushValuesInput,
  keys: string[],
  entries: ValueEntry[],
  now: Date,
  finish: (tx: Tx, result: PushValuesResult) => Promise<void>,
): Promise<PushValuesResult> {
  const grant = actor.api!;
  return db.$transaction(async (tx) => {
    const saved = await applyFormIn(tx, actor, structure, input.unitId, input.month, entries, [], { source: 'api', startFromStored: true, audit: { client: grant.clientName } }, now);
    const result = await submitPushed(tx, actor, input, keys, saved.submissionId, structure.indicators, now);
    const out: PushValuesResult = { ...result, created: saved.created, changed: saved.changed, unchanged: saved.unchanged };
    await finish(tx, out);
    return out;
  }, TX_OPTIONS);
}

/**
 * Submits the pushed figures still in draft or returned. Like the form's submit, a figure with a soft-check warning
 * needs a comment; unlike it, the unit's other figures are left as they are (a client pushes some of a month).
 */
async function submitPushed(
  tx: Tx,
  actor: Actor,
  input: PushValuesInput,
  keys: string[],
  submissionId: number | null,
  indicators: { id: number; code: string }[],
  now: Date,
): Promise<Omit<PushValuesResult, 'created' | 'changed' | 'unchanged'>> {
  const idOf = new Map(indicators.map((i) => [i.code, i.id]));
  const rows = await tx.indicatorValue.findMany({
    where: {
      OR: keys.map((k) => {
        const [code, subject, period, stage] = k.split(':');
        return { indicatorId: idOf.get(code)!, unitId: Number(subject), month: period, stage: stage as 'final' | 'provisional' };
      }),
    },
    select: { id: true, indicatorId: true, unitId: true, month: true, stage: true, status: true, version: true, value: true, warnings: true, comment: true, submissionId: true },
  });
  const codeOf = new Map(indicators.map((i) => [i.id, i.code]));
  const keyOf = (r: (typeof rows)[number]) => itemKey({ code: codeOf.get(r.indicatorId)!, subjectUnitId: r.unitId, period: r.month, stage: r.stage });
  const problems: Record<string, string[]> = {};
  for (const r of rows) if (r.warnings.length > 0 && !r.comment && (r.status === 'draft' || r.status === 'returned')) problems[`values.${keyOf(r)}.comment`] = ['validation.commentRequired'];
  if (Object.keys(problems).length > 0) throw new ReportValidationError(problems, '有数值触发提示，须附说明后才能报送', 'Some figures raised a warning and need a comment before they are submitted');

  const toSubmit = rows.filter((r) => r.status === 'draft' || r.status === 'returned');
  if (toSubmit.length > 0) {
    assertCan(actor, 'figure.submit', { unitId: input.unitId });
    const submission = await tx.submission.findUniqueOrThrow({ where: { id: submissionId! }, select: { extendedUntil: true, reopened: true } });
    const settings = await loadReportingSettings(tx);
    const window = windowState(now, { month: input.month, dueDay: settings.dueDay, extendedUntil: submission.extendedUntil, reopened: submission.reopened });
    const name = await actorName(tx, actor);
    const events: EventRow[] = [];
    for (const r of toSubmit) {
      nextItemState(r.status, 'submit', { window });
      const { count } = await tx.indicatorValue.updateMany({
        where: { id: r.id, version: r.version },
        data: { status: 'submitted', submittedAt: now, submittedById: null, returnReason: null, version: { increment: 1 } },
      });
      if (count !== 1) throw new ApiError('conflict', '数据刚被他人修改，请重试', 'The figure was changed meanwhile; try again', null);
      events.push({ valueId: r.id, action: 'submitted', actorId: null, actorName: name, at: now, fromStatus: r.status, toStatus: 'submitted', newValue: r.value, version: r.version + 1 });
      r.status = 'submitted';
    }
    await tx.valueEvent.createMany({ data: events });
    await refreshSubmission(tx, submissionId!, { submittedAt: now });
    await recordAudit(tx, actor, {
      event: 'reporting.submitted',
      targetType: 'submission',
      targetId: submissionId!,
      after: { unitId: input.unitId, month: input.month, values: toSubmit.length, source: 'api' },
    });
  }
  const submission = submissionId === null ? null : await tx.submission.findUnique({ where: { id: submissionId }, select: { status: true } });
  const byKey = new Map(rows.map((r) => [keyOf(r), r]));
  return {
    submissionId,
    status: submission?.status ?? 'draft',
    submitted: toSubmit.length,
    values: keys.filter((k) => byKey.has(k)).map((k) => {
      const r = byKey.get(k)!;
      return { key: k, id: r.id, status: r.status, warnings: r.warnings };
    }),
  };
}
