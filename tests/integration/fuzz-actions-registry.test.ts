// Fuzzing, continued (issue 16): the registry's and the horse race's server actions — a firm created and edited, a
// qualification recorded and ended, the unit's form filled from the registry, a list imported (generated rows written
// into a real workbook, and files that are not one), a scoring-rule version published and the 任务分解 grid saved —
// with the same generators and the same invariant after each case: a clear refusal that changed no row, or a valid
// write with an audit row. Each case also picks its actor: the bureau, a town's reporter (out of scope for the
// bureau's forms) or 区科技局's reporter (whose form the registry fills).
// tests/unit/fuzz-coverage.test.ts checks that every exported server action is driven by one of the fuzz files.
import fc from 'fast-check';
import type { z } from 'zod';
import { beforeAll, expect, test } from 'vitest';
import type { Actor } from '@/lib/actor';
import { systemActor } from '@/lib/actor';
import { fixedClock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { DomainError } from '@/lib/errors';
import { writeListWorkbook, type ListCell } from '@/lib/excel/write-list';
import { seedDemoData } from '@/lib/mutations/demo';
import { publishRuleVersion } from '@/lib/mutations/rankings/rule';
import { saveShareGrid } from '@/lib/mutations/rankings/shares';
import { fillRegistryFigures } from '@/lib/mutations/registry/derived';
import { createEnterprise, updateEnterprise } from '@/lib/mutations/registry/enterprise';
import { confirmRegistryImport, previewRegistryImport, sha256 } from '@/lib/mutations/registry/import';
import { endQualification, recordQualification } from '@/lib/mutations/registry/qualification';
import { getCurrentPlan } from '@/lib/queries/plan';
import { cellToken, loadCellRows } from '@/lib/queries/rankings/shares';
import { listKinds } from '@/lib/registry/import-columns';
import { qualificationKinds } from '@/lib/registry/validity';
import { rankingRuleFormSchema, shareGridSchema } from '@/lib/schemas/rankings';
import { createEnterpriseSchema, endQualificationSchema, recordQualificationSchema, updateEnterpriseSchema } from '@/lib/schemas/registry/enterprise';
import { fillRegistryFiguresSchema, MAX_REGISTRY_UPLOAD_BYTES, registryImportFormSchema } from '@/lib/schemas/registry/import';
import { setupTestDatabase } from '../support/db';
import { fuzzOutcomes } from '../support/fuzz-outcomes';
import { idFrom, inputOf, month, oddNumber, oddText, version } from '../support/fuzz';
import { bundledPlan } from '../support/plan';
import { syntheticCode } from '../support/registry';
import { loadBundledPlan, makeReportingActor } from '../support/reporting';

setupTestDatabase();
process.env.NEXTAUTH_SECRET ??= 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';

const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const SCHEMA_RUNS = Math.round(1_000 * SCALE);
const DOMAIN_RUNS = Math.round(100 * SCALE);
/** A rule number no test reaches: stands for the latest rule at the time of the publish. */
const LATEST_RULE = 999_999;
const clock = fixedClock('2026-11-03T02:00:00Z');

interface EntryPoint {
  name: string;
  schema: z.ZodType;
  input: fc.Arbitrary<unknown>;
  /** Who sends it: mostly the role the form is for, sometimes one it is not for. */
  actor: fc.Arbitrary<Actor>;
  /** What the request carries that a generator cannot make synchronously (an uploaded workbook), built before parsing. */
  prepare?: (raw: unknown) => Promise<unknown>;
  /** What the action does with the parsed input. */
  run: (actor: Actor, data: never) => Promise<unknown>;
}

const { outcomes, count, expectRefusedOrWritten } = fuzzOutcomes();

/**
 * Inputs for a form with many fields: all fields valid, one field hostile among valid ones, or every field from its
 * hostile generator (inputOf: extra fields, missing ones, anything). With many fields, a plain inputOf would almost
 * never get past the schema, and the domain function would see too few cases.
 */
function formOf(valid: Record<string, fc.Arbitrary<unknown>>, hostile: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const keys = Object.keys(hostile);
  return fc.oneof(
    { weight: 2, arbitrary: fc.record(valid) },
    { weight: 2, arbitrary: fc.tuple(fc.record(valid), fc.record(hostile), fc.constantFrom(...keys)).map(([v, h, k]) => ({ ...v, [k]: h[k] })) },
    { weight: 2, arbitrary: inputOf(hostile) },
  );
}

/** A day as a form sends it: valid, impossible, out of range, other formats, or anything. */
const day = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('2024-03-01', '2025-06-30', '2026-10-31', '2026-11-03', '2023-01-01', '2030-12-31') },
  { weight: 2, arbitrary: fc.constantFrom('2026-02-30', '2026-13-01', '2026-1-1', '2026/03/01', '２０２６-０３-０１', '0000-01-01', '9999-12-31', '1899-12-31', '2026-03', '') },
  { weight: 1, arbitrary: oddText },
);

let entries: EntryPoint[] = [];

beforeAll(async () => {
  const plan = await loadBundledPlan();
  await seedDemoData(systemActor('test'), bundledPlan(), '2026-10');
  const db = await getDb();
  const town = plan.unit('天生街道');
  const bureau = await makeReportingActor({ roles: ['bureau_reviewer'] });
  const townReporter = await makeReportingActor({ roles: ['unit_reporter'], unitId: town });
  const kjjReporter = await makeReportingActor({ roles: ['unit_reporter'], unitId: plan.unit('区科技局') });
  const planId = (await getCurrentPlan(bureau)).id;

  const units = await db.unit.findMany({ select: { id: true, kind: true } });
  const unitIds = units.map((u) => u.id);
  const enterpriseIds = (await db.enterprise.findMany({ select: { id: true }, take: 30, orderBy: { id: 'asc' } })).map((e) => e.id);
  const qualificationIds = (await db.qualification.findMany({ select: { id: true }, take: 30, orderBy: { id: 'asc' } })).map((q) => q.id);
  const storedCodes = (await db.enterprise.findMany({ select: { creditCode: true }, take: 10 })).map((e) => e.creditCode);
  const scored = await db.indicator.findMany({
    where: { planId, breakdowns: { some: {} } },
    select: { id: true, code: true, milestones: { select: { year: true } }, breakdowns: { select: { group: { select: { members: { select: { unitId: true } } } } } } },
  });
  expect(scored.length).toBeGreaterThan(0);
  const scoredCodes = scored.map((i) => i.code);
  const realCells = scored.flatMap((i) => i.breakdowns.flatMap((b) => b.group.members.flatMap((m) => i.milestones.map((ms) => `${m.unitId}_${ms.year}`))));
  const id = (real: number[]) => idFrom(real.length > 0 ? real : [1]);
  const reason = fc.oneof(fc.constantFrom('证书被撤销', '企业迁出本区'), oddText);
  const bureauMostly = fc.oneof({ weight: 4, arbitrary: fc.constant(bureau) }, { weight: 1, arbitrary: fc.constant(townReporter) });
  const fresh = fc.integer({ min: 100_000, max: 9_999_999 }).map(syntheticCode);
  const creditCode = fc.oneof(
    { weight: 3, arbitrary: fresh },
    { weight: 1, arbitrary: fresh.map((c) => ` ${c.toLowerCase().replace(/[0-9a-z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))} `) },
    { weight: 1, arbitrary: fc.constantFrom(...storedCodes, '91500109MA00000000', '000000000000000000', '9150010') },
    { weight: 1, arbitrary: oddText },
  );
  const optionalUnit = fc.oneof(id(unitIds), fc.constant(''));
  const firmFields = {
    name: fc.oneof(fc.constantFrom('重庆测试科技有限公司', '北碚新材料股份有限公司'), oddText),
    townUnitId: optionalUnit,
    parkUnitId: optionalUnit,
    clusterTask: fc.oneof(fc.integer({ min: 6, max: 12 }), fc.constant(''), oddNumber),
    aboveScale: fc.constantFrom('true', 'on', '', 'false', true, 1),
    foundedOn: fc.oneof(day, fc.constant('')),
  };
  const towns = units.filter((u) => u.kind === 'town').map((u) => u.id);
  const parks = units.filter((u) => u.kind === 'park').map((u) => u.id);
  const validDay = fc.date({ min: new Date('2015-01-01'), max: new Date('2026-11-03'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const validFirm = {
    name: fc.constantFrom('重庆测试科技有限公司', '北碚新材料股份有限公司', '缙云山智能制造有限公司'),
    townUnitId: fc.oneof(fc.constantFrom(...towns), fc.constant('')),
    parkUnitId: fc.oneof(fc.constantFrom(...parks), fc.constant('')),
    clusterTask: fc.oneof(fc.integer({ min: 7, max: 11 }), fc.constant('')),
    aboveScale: fc.constantFrom('true', ''),
    foundedOn: fc.oneof(validDay, fc.constant('')),
  };
  const weight = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 100 }) }, { weight: 1, arbitrary: oddNumber });
  const laterMonth = fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 2026, max: 2032 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`) },
    { weight: 1, arbitrary: month },
  );
  const cellKey = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...realCells) },
    { weight: 1, arbitrary: fc.tuple(id(unitIds), fc.integer({ min: 2019, max: 2031 })).map(([u, y]) => `${String(u)}_${y}`) },
    { weight: 1, arbitrary: oddText },
  );
  const cellValue = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('', '12', '0.5', '3.1416', '1000000000000', '0', '1000000000000.0001', '12.34567') },
    { weight: 1, arbitrary: oddNumber },
    { weight: 1, arbitrary: oddText },
  );
  /** `current`: the token of the cell as the bureau's grid showed it (read just before the save), so writes get through. */
  const seen = fc.oneof({ weight: 3, arbitrary: fc.constant('current') }, { weight: 1, arbitrary: fc.constantFrom('', '1.1', '999999.1,2.3') }, { weight: 1, arbitrary: oddText });

  // A generated list: a header row the import recognises (with or without the columns it needs), then rows whose
  // cells are each valid or hostile; or bytes that are no workbook at all.
  const HEADERS = ['序号', '统一社会信用代码', '企业名称', '所属镇街', '所属园区', '证书编号', '发证日期', '年度', '级别', '成立日期', '是否规上', '营业收入', '职工总数', '数据年度'];
  const townNames = (await db.unit.findMany({ where: { kind: { in: ['town', 'park'] } }, select: { name: true }, take: 6 })).map((u) => u.name);
  const listCell = (valid: fc.Arbitrary<ListCell>): fc.Arbitrary<ListCell> =>
    fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: oddText }, { weight: 1, arbitrary: oddNumber as fc.Arbitrary<ListCell> });
  const dateCell = fc.oneof(fc.date({ min: new Date('1990-01-01'), max: new Date('2031-12-31'), noInvalidDate: true }), fc.constantFrom('2024-03-01', '2024年13月1日', '2025/6/30'));
  const row = fc.tuple(
    fc.integer({ min: 1, max: 9999 }),
    listCell(creditCode),
    listCell(firmFields.name as fc.Arbitrary<string>),
    listCell(fc.constantFrom(...townNames, '不存在街道')),
    listCell(fc.constantFrom(...townNames)),
    listCell(fc.stringMatching(/^GR20\d{2}5\d{7}$/)),
    listCell(dateCell),
    listCell(fc.integer({ min: 1999, max: 2101 })),
    listCell(fc.constantFrom('国家级', '市级', '区级', 'national', 'municipal')),
    listCell(dateCell),
    listCell(fc.constantFrom('是', '否', 'Y', '')),
    listCell(fc.oneof(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.constant(-1))),
    listCell(fc.integer({ min: -5, max: 100_000 })),
    listCell(fc.integer({ min: 2018, max: 2030 })),
  );
  const upload = fc.oneof(
    { weight: 5, arbitrary: fc.record({ headers: fc.oneof({ weight: 4, arbitrary: fc.constant(HEADERS) }, { weight: 1, arbitrary: fc.shuffledSubarray(HEADERS) }), rows: fc.array(row, { maxLength: 8 }) }) },
    { weight: 1, arbitrary: fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(new TextEncoder().encode('PK\u0003\u0004 truncated'), new Uint8Array(0))).map((bytes) => ({ bytes })) },
  );
  const mapping = fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom('', '{"creditCode":1,"name":2}', '{"creditCode":1,"name":1}', '{"bogus":0}', '[1,2]', '{"creditCode":-1}', 'null', '{"__proto__":1}', '{') },
    { weight: 1, arbitrary: oddText },
  );

  entries = [
    {
      name: 'createEnterprise',
      schema: createEnterpriseSchema,
      input: formOf({ creditCode: fresh, ...validFirm }, { creditCode, ...firmFields }),
      actor: bureauMostly,
      run: (actor, data) => createEnterprise(actor, data),
    },
    {
      name: 'updateEnterprise',
      schema: updateEnterpriseSchema,
      input: formOf({ enterpriseId: fc.constantFrom(...enterpriseIds), version: fc.integer({ min: 0, max: 3 }), ...validFirm }, { enterpriseId: id(enterpriseIds), version, ...firmFields }),
      actor: bureauMostly,
      run: (actor, data) => updateEnterprise(actor, data),
    },
    {
      name: 'recordQualification',
      schema: recordQualificationSchema,
      input: formOf(
        {
          enterpriseId: fc.constantFrom(...enterpriseIds),
          kind: fc.constantFrom(...qualificationKinds),
          year: fc.integer({ min: 2015, max: 2027 }),
          level: fc.constantFrom('', 'district', 'municipal', 'national'),
          certificateNo: fc.oneof(fc.stringMatching(/^GR20\d{2}5\d{7}$/), fc.constant('')),
          validFrom: validDay,
        },
        {
          enterpriseId: id(enterpriseIds),
          kind: fc.oneof(fc.constantFrom(...qualificationKinds), fc.constantFrom('gazelle', '', 'HIGH_TECH'), oddText),
          year: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1998, max: 2102 }) }, { weight: 1, arbitrary: oddNumber }),
          level: fc.oneof(fc.constantFrom('', 'district', 'municipal', 'national', 'global'), oddText),
          certificateNo: fc.oneof(fc.stringMatching(/^GR20\d{2}5\d{7}$/), fc.constant(''), oddText),
          validFrom: day,
        },
      ),
      actor: bureauMostly,
      run: (actor, data) => recordQualification(actor, data),
    },
    {
      name: 'endQualification',
      schema: endQualificationSchema,
      input: formOf(
        { qualificationId: fc.constantFrom(...qualificationIds), version: fc.integer({ min: 0, max: 3 }), endedOn: validDay, reason: fc.constantFrom('证书被撤销', '企业迁出本区') },
        { qualificationId: id(qualificationIds), version, endedOn: day, reason },
      ),
      actor: bureauMostly,
      run: (actor, data) => endQualification(actor, data),
    },
    {
      name: 'fillRegistryFigures',
      schema: fillRegistryFiguresSchema,
      input: inputOf({ month }),
      actor: fc.constantFrom(kjjReporter, kjjReporter, townReporter, bureau),
      run: (actor, data) => fillRegistryFigures(actor, data, clock),
    },
    {
      name: 'registryImport (upload)',
      schema: registryImportFormSchema,
      input: formOf(
        { list: fc.constantFrom('high_tech', 'high_tech', 'tech_sme', 'enterprises'), intent: fc.constantFrom('preview', 'confirm', 'confirm'), fileHash: fc.constant('previewed'), file: upload },
        {
          list: fc.oneof(fc.constantFrom(...listKinds), fc.constantFrom('gazelle', '')),
          intent: fc.constantFrom('preview', 'confirm', 'delete'),
          fileHash: fc.oneof({ weight: 3, arbitrary: fc.constant('previewed') }, { weight: 1, arbitrary: fc.constantFrom('', 'f'.repeat(64), 'F'.repeat(64)) }, { weight: 1, arbitrary: oddText }),
          file: upload,
          mapping,
        },
      ),
      actor: bureauMostly,
      // The browser's FormData carries a File: the generated workbook (or the generated bytes), named as uploaded.
      prepare: async (raw) => {
        if (typeof raw !== 'object' || raw === null || !('file' in raw)) return raw;
        const form = raw as { file: unknown; fileHash?: unknown };
        const spec = form.file as { headers?: string[]; rows?: ListCell[][]; bytes?: Uint8Array } | null;
        if (typeof spec !== 'object' || spec === null || !(spec.bytes || spec.rows)) return raw;
        const bytes = spec.bytes ?? new Uint8Array(await writeListWorkbook('名单', spec.headers!, spec.rows!));
        const fileHash = form.fileHash === 'previewed' ? sha256(bytes) : form.fileHash;
        return { ...form, fileHash, file: new File([new Uint8Array(bytes)], '名单.xlsx') };
      },
      // As registryImportAction's job: the size limit, then preview, or confirm with the previewed hash.
      run: async (actor, input: z.output<typeof registryImportFormSchema>) => {
        if (input.file.size > MAX_REGISTRY_UPLOAD_BYTES) throw new DomainError('文件过大', 'The file is too large');
        const file = { name: input.file.name, bytes: new Uint8Array(await input.file.arrayBuffer()) };
        if (input.intent === 'preview' || !input.fileHash) return previewRegistryImport(actor, { list: input.list, file, mapping: input.mapping });
        return confirmRegistryImport(actor, { list: input.list, fileHash: input.fileHash, file, mapping: input.mapping });
      },
    },
    {
      name: 'publishRuleVersion (rankings)',
      schema: rankingRuleFormSchema,
      input: formOf(
        {
          effectiveFrom: laterMonth,
          basedOn: fc.constant(LATEST_RULE),
          note: fc.option(fc.constantFrom('2027 年起加重研发投入', ''), { nil: undefined }),
          indicators: fc.dictionary(fc.constantFrom(...scoredCodes), fc.record({ level: fc.integer({ min: 0, max: 100 }), improvement: fc.integer({ min: 0, max: 100 }) }), { maxKeys: 4 }),
          improvementFullAt: fc.integer({ min: 1, max: 1000 }),
          disciplineWeight: fc.integer({ min: 0, max: 100 }),
          latePart: fc.integer({ min: 0, max: 100 }),
          returnPenalty: fc.integer({ min: 0, max: 100 }),
          taskProgress: fc.integer({ min: 0, max: 100 }),
        },
        {
          effectiveFrom: laterMonth,
          basedOn: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 8 }) }, { weight: 1, arbitrary: oddNumber }),
          note: fc.option(oddText, { nil: undefined }),
          indicators: fc.dictionary(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...scoredCodes) }, { weight: 1, arbitrary: fc.constantFrom('tech_smes', 'nope', '__proto__', 'constructor') }, { weight: 1, arbitrary: oddText }), fc.record({ level: weight, improvement: weight }), { maxKeys: 4 }),
          improvementFullAt: fc.oneof(fc.integer({ min: 1, max: 1000 }), oddNumber),
          disciplineWeight: weight,
          latePart: weight,
          returnPenalty: weight,
          taskProgress: weight,
        },
      ),
      actor: bureauMostly,
      // LATEST_RULE: the rule number the bureau's form showed, read just before the publish, so writes get through.
      run: async (actor, data: z.output<typeof rankingRuleFormSchema>) => {
        const latest = await (await getDb()).rankingRule.findFirst({ where: { planId }, orderBy: { ruleNo: 'desc' }, select: { ruleNo: true } });
        return publishRuleVersion(actor, planId, data.basedOn === LATEST_RULE ? { ...data, basedOn: latest?.ruleNo ?? 0 } : data);
      },
    },
    {
      name: 'saveShareGrid (rankings)',
      schema: shareGridSchema,
      input: formOf(
        {
          indicatorCode: fc.constantFrom(...scoredCodes),
          effectiveFrom: laterMonth,
          note: fc.option(fc.constantFrom('年中调整', ''), { nil: undefined }),
          cells: fc.dictionary(fc.constantFrom(...realCells), fc.record({ value: fc.constantFrom('', '12', '0.5', '3.1416', '1000000000000', '0'), seen: fc.constant('current') }), { maxKeys: 4 }),
        },
        {
          indicatorCode: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...scoredCodes) }, { weight: 1, arbitrary: fc.constantFrom('tech_smes', 'nope') }, { weight: 1, arbitrary: oddText }),
          effectiveFrom: laterMonth,
          note: fc.option(oddText, { nil: undefined }),
          cells: fc.dictionary(cellKey, fc.record({ value: cellValue, seen }, { requiredKeys: ['value'] }), { maxKeys: 4 }),
        },
      ),
      actor: bureauMostly,
      run: async (actor, data: z.output<typeof shareGridSchema>) => {
        const indicator = scored.find((i) => i.code === data.indicatorCode);
        const cells = await Promise.all(
          Object.entries(data.cells).map(async ([key, cell]) => {
            if (cell.seen !== 'current' || !indicator) return [key, cell] as const;
            const [unitId, year] = key.split('_').map(Number);
            const rows = await loadCellRows(await getDb(), indicator.id, [unitId]);
            return [key, { ...cell, seen: cellToken(rows.filter((r) => r.year === year)) }] as const;
          }),
        );
        return saveShareGrid(actor, { ...data, cells: Object.fromEntries(cells) });
      },
    },
  ];
}, 300_000);

test('the schemas alone: never throw, refuse with per-field messages, and never let a field outside the form through', () => {
  for (const entry of entries) {
    if (entry.prepare) continue; // the upload's schema needs the built File: it runs in the next test, on every case
    fc.assert(
      fc.property(entry.input, (raw) => {
        const parsed = entry.schema.safeParse(raw);
        if (parsed.success) {
          for (const field of ['status', 'submittedById', 'isDemo', 'unitId']) expect(parsed.data as object, `${entry.name} let ${field} through`).not.toHaveProperty(field);
        } else {
          expect(parsed.error.issues.length).toBeGreaterThan(0);
          for (const issue of parsed.error.issues) expect(typeof issue.message).toBe('string');
        }
      }),
      { numRuns: SCHEMA_RUNS },
    );
    count(entry.name, `schema cases: ${SCHEMA_RUNS}`);
  }
}, 300_000);

test('schema then domain function, as the action runs them: a clear refusal or a valid, audited write, never an unexpected error', async () => {
  for (const entry of entries) {
    await fc.assert(
      fc.asyncProperty(entry.actor, entry.input, async (actor, generated) => {
        const raw = entry.prepare ? await entry.prepare(generated) : generated;
        const parsed = entry.schema.safeParse(raw);
        if (parsed.success) await expectRefusedOrWritten(entry.name, () => entry.run(actor, parsed.data as never));
        else count(entry.name, 'refused by the schema');
      }),
      { numRuns: DOMAIN_RUNS },
    );
  }
  console.log([...outcomes].map(([name, o]) => `${name}: ${Object.entries(o).map(([k, v]) => `${k} ${v}`).join(', ')}`).join('\n'));
  // The generators must reach the domain functions, and most entry points must get a valid write through.
  const reachedDomain = [...outcomes.values()].filter((o) => Object.keys(o).some((k) => k === 'written' || k.startsWith('refused: ') || k.startsWith('accepted'))).length;
  expect(reachedDomain).toBe(entries.length);
  const wrote = [...outcomes.values()].filter((o) => (o.written ?? 0) > 0).length;
  expect(wrote).toBeGreaterThanOrEqual(entries.length - 2);
}, 900_000);
