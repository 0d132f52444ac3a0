// Server only. Every function takes the acting user first. The bureau's 任务分解 grid saved as one transaction: each
// changed cell becomes a share effective from the month given (a new row, or the same month's row replaced), with its
// audit row; a cell someone changed since the grid was opened conflicts and nothing is written. Shares that do not
// add up to the district target are accepted: the grid shows the gap.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { getDb } from '@/lib/db/client';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, prismaErrorCode } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { cellToken, loadCellRows, shareInForce } from '@/lib/queries/rankings/shares';
import { shareGridSchema, type ShareGridInput } from '@/lib/schemas/rankings';

export interface ShareGridResult {
  written: number;
  unchanged: number;
}

export async function saveShareGrid(actor: Actor, input: ShareGridInput): Promise<ShareGridResult> {
  if (!can(actor, 'target.decompose')) throw new ForbiddenError();
  const data = shareGridSchema.parse(input);
  const db = await getDb();
  return db
    .$transaction(
    async (tx) => {
      const indicator = await tx.indicator.findFirst({
        where: { code: data.indicatorCode },
        include: { breakdowns: { include: { group: { include: { members: { include: { unit: { select: { name: true } } } } } } } }, milestones: true },
      });
      if (!indicator) throw new NotFoundError('指标不存在', 'No such indicator');
      const members = new Map(indicator.breakdowns.flatMap((b) => b.group.members.map((m) => [m.unitId, m.unit.name] as const)));
      const years = new Set(indicator.milestones.map((m) => m.year));
      const cells = Object.entries(data.cells).map(([key, cell]) => {
        const [unitId, year] = key.split('_').map(Number);
        return { key, unitId, year, ...cell };
      });
      const fieldErrors: Record<string, { zh: string[]; en: string[] }> = {};
      for (const c of cells) {
        if (!members.has(c.unitId) || !years.has(c.year)) fieldErrors[`cells.${c.key}.value`] = { zh: ['分解表中没有该单元格'], en: ['No such cell in the breakdown'] };
      }
      if (Object.keys(fieldErrors).length) throw new DomainError('分解表中有不属于该指标的单元格', 'Some cells are not in this breakdown', fieldErrors);
      const rows = await loadCellRows(tx, indicator.id, [...new Set(cells.map((c) => c.unitId))]);
      const result: ShareGridResult = { written: 0, unchanged: 0 };
      for (const c of cells) {
        if (c.value === null) continue;
        const own = rows.filter((r) => r.unitId === c.unitId && r.year === c.year);
        const inForce = shareInForce(own, data.effectiveFrom);
        if (inForce && Number(inForce.value) === c.value && !own.some((r) => r.effectiveFrom > data.effectiveFrom)) {
          result.unchanged++;
          continue;
        }
        if (cellToken(own) !== c.seen) {
          throw new ConflictError(`「${members.get(c.unitId)}」${c.year}年的分解任务已被他人修改，请刷新后重新填写`, `The ${c.year} share of ${members.get(c.unitId)} was changed by someone else; reload and try again`);
        }
        const same = own.find((r) => r.effectiveFrom === data.effectiveFrom);
        // The version in the where clause: a write racing this one between the read above and here loses (count 0).
        const row = same
          ? await tx.targetShare.updateMany({ where: { id: same.id, version: same.version }, data: { value: c.value, note: data.note ?? null, version: { increment: 1 }, updatedById: actor.userId } }).then((r) => {
              if (r.count !== 1) throw new ConflictError();
              return { id: same.id };
            })
          : await tx.targetShare.create({ data: { indicatorId: indicator.id, unitId: c.unitId, year: c.year, effectiveFrom: data.effectiveFrom, value: c.value, note: data.note ?? null, updatedById: actor.userId }, select: { id: true } });
        await recordAudit(tx, actor, {
          event: 'target.share.set',
          targetType: 'targetShare',
          targetId: row.id,
          before: inForce ? { value: Number(inForce.value), effectiveFrom: inForce.effectiveFrom } : null,
          after: { indicator: indicator.code, unitId: c.unitId, year: c.year, value: c.value, effectiveFrom: data.effectiveFrom },
        });
        result.written++;
      }
      return result;
    },
    { timeout: 60_000, maxWait: 30_000 },
    )
    .catch((error: unknown) => {
      // Two bureaus creating the same cell at the same effective month: the unique key lets one win.
      if (prismaErrorCode(error) === 'P2002') throw new ConflictError();
      throw error;
    });
}
