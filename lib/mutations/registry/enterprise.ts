// Server only. Every function takes the acting user first. Firms typed in one at a time (the form), beside the list
// import: permission inside, the credit code re-checked (GB 32100-2015), town/park of the right kind and of the
// actor's plan (the firm's registry; another plan's firm is not found), version-checked updates, the audit row in the
// same transaction.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { getDb } from '@/lib/db/client';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, prismaErrorCode } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { validateCreditCode } from '@/lib/registry/credit-code';
import { dateFromDay, dayFromDate } from '@/lib/registry/dates';
import type { CreateEnterpriseInput, UpdateEnterpriseInput } from '@/lib/schemas/registry/enterprise';
import type { Tx } from '@/lib/mutations/registry/store';
import { requireRegistryPlanId } from '@/lib/queries/registry/scope';

/** The town and park must be units of that kind in the firm's own plan: a firm is counted and seen within one district. */
async function assertUnitKinds(tx: Tx, planId: string, input: { townUnitId: number | null; parkUnitId: number | null }): Promise<void> {
  const check = async (id: number | null, kind: 'town' | 'park', zh: string, en: string) => {
    if (id === null) return;
    const unit = await tx.unit.findUnique({ where: { id }, select: { kind: true, planId: true } });
    if (unit?.kind !== kind || unit.planId !== planId) throw new DomainError(`所选${zh}不存在`, `No such ${en}`, { [kind === 'town' ? 'townUnitId' : 'parkUnitId']: { zh: [`请选择${zh}`], en: [`Choose a ${en}`] } });
  };
  await check(input.townUnitId, 'town', '镇街', 'town');
  await check(input.parkUnitId, 'park', '园区', 'park');
}

const snapshot = (f: { name: string; townUnitId: number | null; parkUnitId: number | null; clusterTask: number | null; aboveScale: boolean; foundedOn: Date | null }) => ({
  name: f.name,
  townUnitId: f.townUnitId,
  parkUnitId: f.parkUnitId,
  clusterTask: f.clusterTask,
  aboveScale: f.aboveScale,
  foundedOn: f.foundedOn ? dayFromDate(f.foundedOn) : null,
});

export async function createEnterprise(actor: Actor, input: CreateEnterpriseInput): Promise<{ id: number }> {
  if (!can(actor, 'registry.manage')) throw new ForbiddenError();
  const code = validateCreditCode(input.creditCode);
  if (!code.ok) throw new DomainError(code.reason, 'The credit code is not valid', { creditCode: { zh: [code.reason], en: ['The credit code is not valid'] } });
  const db = await getDb();
  const planId = await requireRegistryPlanId(actor);
  try {
    return await db.$transaction(async (tx) => {
      await assertUnitKinds(tx, planId, input);
      const firm = await tx.enterprise.create({
        data: { ...input, planId, creditCode: code.code, foundedOn: input.foundedOn ? dateFromDay(input.foundedOn) : null, updatedById: actor.userId },
      });
      await recordAudit(tx, actor, { event: 'registry.enterprise.created', targetType: 'enterprise', targetId: firm.id, after: { creditCode: firm.creditCode, ...snapshot(firm) } });
      return { id: firm.id };
    });
  } catch (error) {
    if (prismaErrorCode(error) === 'P2002') {
      throw new DomainError('该统一社会信用代码已在企业库中', 'This credit code is already in the registry', { creditCode: { zh: ['该统一社会信用代码已在企业库中'], en: ['Already in the registry'] } });
    }
    throw error;
  }
}

export async function updateEnterprise(actor: Actor, input: UpdateEnterpriseInput): Promise<{ version: number }> {
  if (!can(actor, 'registry.manage')) throw new ForbiddenError();
  const db = await getDb();
  const planId = await requireRegistryPlanId(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.enterprise.findFirst({ where: { id: input.enterpriseId, planId } });
    if (!before) throw new NotFoundError();
    await assertUnitKinds(tx, planId, input);
    const { enterpriseId, version, ...fields } = input;
    const { count } = await tx.enterprise.updateMany({
      where: { id: enterpriseId, version },
      data: { ...fields, foundedOn: fields.foundedOn ? dateFromDay(fields.foundedOn) : null, version: { increment: 1 }, updatedById: actor.userId },
    });
    if (count !== 1) throw new ConflictError();
    const after = await tx.enterprise.findUniqueOrThrow({ where: { id: enterpriseId } });
    await recordAudit(tx, actor, { event: 'registry.enterprise.changed', targetType: 'enterprise', targetId: enterpriseId, before: snapshot(before), after: snapshot(after) });
    return { version: after.version };
  });
}
