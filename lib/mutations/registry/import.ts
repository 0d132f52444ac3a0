// Server only. Every function takes the acting user first. Importing a bureau's Excel list of firms: a dry-run
// preview that writes nothing, then a confirm that re-reads the same file (named by its sha256), plans again inside
// the transaction against what is stored then, and writes every row or none. Upsert by credit code: importing the
// same file again finds every row unchanged.
import 'server-only';
import { createHash } from 'node:crypto';
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { getDb } from '@/lib/db/client';
import { DomainError, ForbiddenError } from '@/lib/errors';
import { streamFirstSheetRows } from '@/lib/excel/stream-rows';
import { inspectXlsxZip } from '@/lib/excel/zip-guard';
import { loadStoredState, loadUnitNames, writePlan } from '@/lib/mutations/registry/store';
import { requireRegistryPlanId } from '@/lib/queries/registry/scope';
import type { Prisma } from '@/lib/generated/prisma/client';
import { can } from '@/lib/permissions';
import {
  checkRow,
  guessMapping,
  missingRequired,
  toSavedMapping,
  type ColumnMapping,
  type ListKind,
  type RowCheck,
  type SavedMapping,
  type UnitNames,
} from '@/lib/registry/import-columns';
import { planImport, type ImportPlan, type PlannedRow, type RowOutcome } from '@/lib/registry/import-plan';

export const MAX_REGISTRY_ROWS = 200_000;
const MAX_UNCOMPRESSED = 400 * 1024 * 1024;
/** Rows of each outcome the preview shows; the counts cover them all. */
const PREVIEW_ROWS = 200;

export interface RegistryFile {
  name: string;
  bytes: Uint8Array;
}

export interface ReadList {
  fileHash: string;
  headers: string[];
  mapping: ColumnMapping;
  checks: RowCheck[];
}

export class RegistryFileError extends DomainError {}

const mappingKey = (list: ListKind) => `list:${list}`;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The preview's reading of a file, kept briefly so that confirming the same file (same bytes, list, mapping and
 * unit names) does not parse it again. Bounded: two lists, fifteen minutes.
 */
const readCache = new Map<string, { at: number; read: ReadList }>();
const READ_CACHE_MS = 15 * 60 * 1000;

async function readListCached(list: ListKind, file: RegistryFile, units: UnitNames, saved: SavedMapping | null, override: ColumnMapping | null): Promise<ReadList> {
  const key = JSON.stringify([list, sha256(file.bytes), saved, override, [...units.towns], [...units.parks]]);
  const now = Date.now();
  for (const [k, v] of readCache) if (now - v.at > READ_CACHE_MS) readCache.delete(k);
  const hit = readCache.get(key);
  if (hit) return hit.read;
  const read = await readList(list, file, units, saved, override);
  readCache.set(key, { at: now, read });
  while (readCache.size > 2) readCache.delete(readCache.keys().next().value!);
  return read;
}

/** Streams the file once: the first non-empty row is the header, every later non-empty row is checked. */
export async function readList(list: ListKind, file: RegistryFile, units: UnitNames, saved: SavedMapping | null, override: ColumnMapping | null): Promise<ReadList> {
  const problem = inspectXlsxZip(file.bytes, MAX_UNCOMPRESSED);
  if (problem) throw new RegistryFileError('文件不是有效的 Excel（.xlsx）文件', 'The file is not a valid Excel (.xlsx) workbook');
  let headers: string[] | null = null;
  let mapping: ColumnMapping = {};
  const checks: RowCheck[] = [];
  try {
    for await (const { row, cells, formulas } of streamFirstSheetRows(file.bytes, MAX_REGISTRY_ROWS + 1)) {
      if (cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) continue;
      if (headers === null) {
        headers = cells.map((c) => (c === null ? '' : String(c).trim()));
        mapping = override ?? guessMapping(list, headers, saved);
        const missing = missingRequired(list, mapping);
        if (missing.length > 0) {
          throw new RegistryFileError(`未能识别必需的列：${missing.join('、')}，请在映射中指定`, `Required columns not found: ${missing.join(', ')}; map them`);
        }
        continue;
      }
      const mappedFormulas = formulas.filter((i) => Object.values(mapping).includes(i));
      if (mappedFormulas.length > 0) {
        checks.push({ ok: false, row, creditCode: null, name: null, reasons: mappedFormulas.map((i) => `“${headers![i] || `第 ${i + 1} 列`}”是公式，只导入数值`) });
        continue;
      }
      checks.push(checkRow(list, row, cells, mapping, units));
    }
  } catch (error) {
    if (error instanceof RegistryFileError) throw error;
    if (error instanceof RangeError) throw new RegistryFileError(`名单超过 ${MAX_REGISTRY_ROWS} 行`, `The list has more than ${MAX_REGISTRY_ROWS} rows`);
    throw new RegistryFileError('文件无法读取（可能已损坏）', 'The file cannot be read (it may be damaged)');
  }
  if (headers === null) throw new RegistryFileError('文件中没有数据', 'The file is empty');
  return { fileHash: sha256(file.bytes), headers, mapping, checks };
}

export interface RegistryImportPreview {
  list: ListKind;
  fileHash: string;
  fileName: string;
  headers: string[];
  mapping: ColumnMapping;
  counts: Record<RowOutcome, number>;
  /** Up to PREVIEW_ROWS rows of each outcome, refused first. */
  rows: PlannedRow[];
  canConfirm: boolean;
}

async function savedMapping(list: ListKind): Promise<SavedMapping | null> {
  const db = await getDb();
  const row = await db.registryImportMapping.findUnique({ where: { listKey: mappingKey(list) } });
  return (row?.mapping as SavedMapping | undefined) ?? null;
}

function previewRows(plan: ImportPlan): PlannedRow[] {
  const order: RowOutcome[] = ['refused', 'created', 'updated', 'unchanged'];
  return order.flatMap((o) => plan.rows.filter((r) => r.outcome === o).slice(0, PREVIEW_ROWS));
}

/** Writes nothing. */
export async function previewRegistryImport(actor: Actor, input: { list: ListKind; file: RegistryFile; mapping?: ColumnMapping | null }): Promise<RegistryImportPreview> {
  if (!can(actor, 'registry.import')) throw new ForbiddenError();
  const db = await getDb();
  const kind = input.list === 'enterprises' ? null : input.list;
  const planId = await requireRegistryPlanId(actor);
  const [units, saved] = await Promise.all([loadUnitNames(db, planId), savedMapping(input.list)]);
  const read = await readListCached(input.list, input.file, units, saved, input.mapping ?? null);
  const plan = planImport(input.list, read.checks, await loadStoredState(db, planId, kind));
  return {
    list: input.list,
    fileHash: read.fileHash,
    fileName: input.file.name,
    headers: read.headers,
    mapping: read.mapping,
    counts: plan.counts,
    rows: previewRows(plan),
    canConfirm: plan.counts.refused === 0 && plan.counts.created + plan.counts.updated > 0,
  };
}

export interface RegistryImportResult {
  counts: Record<RowOutcome, number>;
}

/**
 * Writes the whole list in one transaction, or nothing: the file must be the one previewed (same hash) and have no
 * refused row. `isDemo` marks the rows as demo data (the demo seed uses the same path).
 */
export async function confirmRegistryImport(
  actor: Actor,
  input: { list: ListKind; fileHash: string; file: RegistryFile; mapping?: ColumnMapping | null },
  options: { isDemo?: boolean; onStep?: (step: 'read' | 'planned' | 'firmsWritten') => Promise<void> | void } = {},
): Promise<RegistryImportResult> {
  if (!can(actor, 'registry.import') && !(options.isDemo && can(actor, 'demo.manage'))) throw new ForbiddenError();
  if (sha256(input.file.bytes) !== input.fileHash) {
    throw new RegistryFileError('文件与预览时的不一致，请重新预览', 'The file differs from the one previewed; preview again');
  }
  const db = await getDb();
  const planId = await requireRegistryPlanId(actor);
  const [units, saved] = await Promise.all([loadUnitNames(db, planId), savedMapping(input.list)]);
  const read = await readListCached(input.list, input.file, units, saved, input.mapping ?? null);
  await options.onStep?.('read');
  return db.$transaction(
    async (tx) => {
      const plan = await writeCheckedRows(tx, actor, planId, input.list, read.checks, { isDemo: options.isDemo ?? false, onStep: options.onStep });
      const remembered = toSavedMapping(read.mapping, read.headers);
      await tx.registryImportMapping.upsert({
        where: { listKey: mappingKey(input.list) },
        create: { listKey: mappingKey(input.list), mapping: remembered },
        update: { mapping: remembered, version: { increment: 1 } },
      });
      await recordAudit(tx, actor, {
        event: 'registry.import.confirmed',
        targetType: 'registryList',
        targetId: input.list,
        reason: input.file.name,
        after: { fileHash: input.fileHash, counts: plan.counts, isDemo: options.isDemo ?? false },
      });
      return { counts: plan.counts };
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}

/**
 * Inside the caller's transaction: plans the checked rows against what the plan's registry holds now and writes them
 * all, or throws when any row is refused. Shared by the Excel confirm above and the API's push
 * (lib/mutations/api/push-registry.ts).
 */
export async function writeCheckedRows(
  tx: Prisma.TransactionClient,
  actor: Actor,
  planId: string,
  list: ListKind,
  checks: Iterable<RowCheck>,
  options: { isDemo?: boolean; onStep?: (step: 'read' | 'planned' | 'firmsWritten') => Promise<void> | void } = {},
): Promise<ImportPlan> {
  const kind = list === 'enterprises' ? null : list;
  const stored = await loadStoredState(tx, planId, kind);
  const plan = planImport(list, checks, stored);
  if (plan.counts.refused > 0) {
    throw new RegistryFileError(`有 ${plan.counts.refused} 行不能导入，请修正后重新上传`, `${plan.counts.refused} rows cannot be imported; fix them and upload again`);
  }
  await options.onStep?.('planned');
  await writePlan(tx, planId, kind, plan, stored, { isDemo: options.isDemo ?? false, actorId: actor.userId, afterFirms: () => options.onStep?.('firmsWritten') });
  return plan;
}
