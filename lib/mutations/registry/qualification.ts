// Server only. Every function takes the acting user first. A qualification recorded (its span follows from its kind:
// certificates three years, registrations a calendar year, list entries open) or ended early. History is never
// rewritten: a renewal is a new row chained to the previous one; an early end keeps the row, with the day. Only firms
// of the actor's plan (another plan's firm is not found).
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { getDb } from '@/lib/db/client';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, prismaErrorCode } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { dateFromDay, dayFromDate } from '@/lib/registry/dates';
import { spanFor } from '@/lib/registry/validity';
import type { EndQualificationInput, RecordQualificationInput } from '@/lib/schemas/registry/enterprise';
import { requireRegistryPlanId } from '@/lib/queries/registry/scope';

export async function recordQualification(actor: Actor, input: RecordQualificationInput): Promise<{ id: number }> {
  if (!can(actor, 'registry.manage')) throw new ForbiddenError();
  const span = spanFor(input.kind, input.year, input.validFrom);
  // A registration holds for its calendar year: one dated after that year would end before it starts (the import
  // refuses such a row the same way).
  if (span.validUntil !== null && span.validUntil < span.validFrom) {
    const zh = `登记日期 ${input.validFrom} 晚于年度 ${input.year}`;
    const en = `The day ${input.validFrom} is after the year ${input.year}`;
    throw new DomainError(zh, en, { validFrom: { zh: [zh], en: [en] } });
  }
  const db = await getDb();
  const planId = await requireRegistryPlanId(actor);
  try {
    return await db.$transaction(async (tx) => {
      const firm = await tx.enterprise.findFirst({ where: { id: input.enterpriseId, planId }, select: { id: true } });
      if (!firm) throw new NotFoundError();
      const previous = await tx.qualification.findFirst({ where: { enterpriseId: input.enterpriseId, kind: input.kind, year: { lt: input.year } }, orderBy: { year: 'desc' }, select: { id: true } });
      const row = await tx.qualification.create({
        data: {
          enterpriseId: input.enterpriseId,
          kind: input.kind,
          year: input.year,
          level: input.level,
          certificateNo: input.certificateNo,
          validFrom: dateFromDay(span.validFrom),
          validUntil: span.validUntil ? dateFromDay(span.validUntil) : null,
          renewalOfId: previous?.id ?? null,
        },
      });
      await recordAudit(tx, actor, { event: 'registry.qualification.recorded', targetType: 'enterprise', targetId: input.enterpriseId, after: { qualificationId: row.id, kind: input.kind, year: input.year, ...span, renewalOfId: previous?.id ?? null } });
      return { id: row.id };
    });
  } catch (error) {
    if (prismaErrorCode(error) === 'P2002') throw new DomainError('该企业这一年度的此项资质已有记录', 'This qualification is already recorded for that year');
    throw error;
  }
}

export async function endQualification(actor: Actor, input: EndQualificationInput): Promise<{ version: number }> {
  if (!can(actor, 'registry.manage')) throw new ForbiddenError();
  const db = await getDb();
  const planId = await requireRegistryPlanId(actor);
  return db.$transaction(async (tx) => {
    const q = await tx.qualification.findFirst({ where: { id: input.qualificationId, enterprise: { planId } } });
    if (!q) throw new NotFoundError();
    if (input.endedOn < dayFromDate(q.validFrom)) {
      throw new DomainError('终止日期不能早于起始日', 'It cannot end before it starts', { endedOn: { zh: ['终止日期不能早于起始日'], en: ['It cannot end before it starts'] } });
    }
    const { count } = await tx.qualification.updateMany({ where: { id: q.id, version: input.version }, data: { endedOn: dateFromDay(input.endedOn), version: { increment: 1 } } });
    if (count !== 1) throw new ConflictError();
    await recordAudit(tx, actor, {
      event: 'registry.qualification.ended',
      targetType: 'enterprise',
      targetId: q.enterpriseId,
      reason: input.reason,
      before: { qualificationId: q.id, endedOn: q.endedOn ? dayFromDate(q.endedOn) : null },
      after: { qualificationId: q.id, endedOn: input.endedOn },
    });
    return { version: q.version + 1 };
  });
}
