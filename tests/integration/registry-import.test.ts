// Importing the bureau's lists: a preview that writes nothing, a confirm that writes every row or none, upsert by
// credit code (the same file twice changes nothing), refusals with their reasons, the mapping remembered per list.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { ForbiddenError } from '@/lib/errors';
import { writeListWorkbook } from '@/lib/excel/write-list';
import { confirmRegistryImport, previewRegistryImport, RegistryFileError } from '@/lib/mutations/registry/import';
import { setupTestDatabase } from '../support/db';
import { actorFor, makeUnit, makeUser } from '../support/factories';
import { HIGH_TECH_HEADERS, highTechRows, highTechWorkbook, syntheticCode } from '../support/registry';
const PLAN_ID = 'test-plan';

setupTestDatabase();

let bureau: Actor;
let reporter: Actor;
const towns = ['天生街道', '北温泉街道', '澄江镇'];
const parks = ['水土组团管委会'];

beforeAll(async () => {
  for (const t of towns) await makeUnit(t, 'town');
  for (const p of parks) await makeUnit(p, 'park');
  bureau = actorFor(await makeUser({ roles: ['bureau_reviewer'] }), ['bureau_reviewer']);
  reporter = actorFor(await makeUser({ roles: ['unit_reporter'] }), ['unit_reporter']);
});

const file = (bytes: Buffer, name = '高新技术企业名单.xlsx') => ({ name, bytes: new Uint8Array(bytes) });

async function counts() {
  const db = await getDb();
  return { firms: await db.enterprise.count(), certificates: await db.qualification.count({ where: { kind: 'high_tech' } }) };
}

describe('registry import', () => {
  test('only the bureau may import', async () => {
    await expect(previewRegistryImport(reporter, { list: 'high_tech', file: file(await highTechWorkbook(3, towns, parks)) })).rejects.toBeInstanceOf(ForbiddenError);
  });

  test('preview writes nothing; confirm writes all; the same file again is all unchanged', async () => {
    const bytes = await highTechWorkbook(50, towns, parks);
    const preview = await previewRegistryImport(bureau, { list: 'high_tech', file: file(bytes) });
    expect(preview.counts).toEqual({ created: 50, updated: 0, unchanged: 0, refused: 0 });
    expect(preview.canConfirm).toBe(true);
    expect(preview.mapping).toMatchObject({ creditCode: 1, name: 2, town: 3, park: 4, certificateNo: 5, validFrom: 6 });
    expect(await counts()).toEqual({ firms: 0, certificates: 0 });

    const result = await confirmRegistryImport(bureau, { list: 'high_tech', fileHash: preview.fileHash, file: file(bytes) });
    expect(result.counts.created).toBe(50);
    expect(await counts()).toEqual({ firms: 50, certificates: 50 });

    const db = await getDb();
    const firm = await db.enterprise.findUniqueOrThrow({ where: { planId_creditCode: { planId: PLAN_ID, creditCode: syntheticCode(4) } }, include: { qualifications: true, town: true, park: true } });
    const [row] = highTechRows(5, towns, parks).slice(4);
    expect(firm.name).toBe(row[2]);
    expect(firm.town?.name).toBe(row[3]);
    expect(firm.park).toBeNull();
    const issued = (row[6] as Date).toISOString().slice(0, 10);
    expect(firm.qualifications[0].validFrom.toISOString().slice(0, 10)).toBe(issued);
    // Three years, the last day being the day before the third anniversary.
    const until = new Date(`${Number(issued.slice(0, 4)) + 3}${issued.slice(4)}T00:00:00Z`);
    until.setUTCDate(until.getUTCDate() - 1);
    expect(firm.qualifications[0].validUntil?.toISOString().slice(0, 10)).toBe(until.toISOString().slice(0, 10));
    const audit = await db.auditLog.findFirstOrThrow({ where: { event: 'registry.import.confirmed' } });
    expect(audit.after).toMatchObject({ fileHash: preview.fileHash, counts: { created: 50 } });

    const again = await previewRegistryImport(bureau, { list: 'high_tech', file: file(bytes) });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 50, refused: 0 });
    expect(again.canConfirm).toBe(false);
    const versions = await db.enterprise.aggregate({ _sum: { version: true } });
    await confirmRegistryImport(bureau, { list: 'high_tech', fileHash: again.fileHash, file: file(bytes) });
    expect(await counts()).toEqual({ firms: 50, certificates: 50 });
    expect((await db.enterprise.aggregate({ _sum: { version: true } }))._sum.version).toBe(versions._sum.version);
  });

  test('changed rows are updated, renewals become new certificates chained to the old one', async () => {
    const rows = highTechRows(50, towns, parks);
    rows[0][2] = '测试企业0（更名）有限公司';
    rows[1][6] = new Date(Date.UTC(2026, 5, 1)); // renewed: a new certificate year
    rows[1][5] = 'GR202650009999';
    const bytes = await writeListWorkbook('名单', HIGH_TECH_HEADERS, rows);
    const preview = await previewRegistryImport(bureau, { list: 'high_tech', file: file(bytes) });
    expect(preview.counts).toEqual({ created: 0, updated: 2, unchanged: 48, refused: 0 });
    await confirmRegistryImport(bureau, { list: 'high_tech', fileHash: preview.fileHash, file: file(bytes) });
    const db = await getDb();
    const renewed = await db.enterprise.findUniqueOrThrow({ where: { planId_creditCode: { planId: PLAN_ID, creditCode: syntheticCode(1) } }, include: { qualifications: { orderBy: { year: 'asc' } } } });
    expect(renewed.qualifications).toHaveLength(2);
    expect(renewed.qualifications[1].renewalOfId).toBe(renewed.qualifications[0].id);
    expect((await db.enterprise.findUniqueOrThrow({ where: { planId_creditCode: { planId: PLAN_ID, creditCode: syntheticCode(0) } } })).version).toBe(2);
  });

  test('bad rows are refused with every reason, and a file with any refused row writes nothing', async () => {
    const rows = highTechRows(5, towns, parks, 1000);
    rows[0][1] = syntheticCode(1000).slice(0, 17) + (syntheticCode(1000)[17] === '0' ? '1' : '0'); // check character
    rows[1][3] = '不存在街道';
    rows[2][6] = '2024年13月1日';
    rows[3][1] = rows[4][1]; // duplicate inside the file
    rows[4][2] = '';
    const bytes = await writeListWorkbook('名单', HIGH_TECH_HEADERS, rows);
    const before = await counts();
    const preview = await previewRegistryImport(bureau, { list: 'high_tech', file: file(bytes) });
    expect(preview.counts.refused).toBe(4);
    expect(preview.canConfirm).toBe(false);
    const reasons = Object.fromEntries(preview.rows.filter((r) => r.outcome === 'refused').map((r) => [r.row, r.details.join('；')]));
    expect(reasons[2]).toContain('第 18 位校验码');
    expect(reasons[3]).toContain('镇街“不存在街道”不在本区镇街名单中');
    expect(reasons[4]).toContain('不是日期');
    expect(reasons[6]).toContain('企业名称为空');
    // Row 5 (the first holder of the duplicated code) is fine; row 6 is refused for its empty name before the duplicate check.
    await expect(confirmRegistryImport(bureau, { list: 'high_tech', fileHash: preview.fileHash, file: file(bytes) })).rejects.toBeInstanceOf(RegistryFileError);
    expect(await counts()).toEqual(before);
  });

  test('a full-width, lower-case code is stored normalised and matched to the same firm', async () => {
    const rows = highTechRows(1, towns, parks, 7);
    const fullWidth = String(rows[0][1]).toLowerCase().replace(/[0-9a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    rows[0][1] = ` ${fullWidth} `;
    const bytes = await writeListWorkbook('名单', HIGH_TECH_HEADERS, rows);
    const preview = await previewRegistryImport(bureau, { list: 'high_tech', file: file(bytes) });
    expect(preview.counts).toEqual({ created: 0, updated: 0, unchanged: 1, refused: 0 });
  });

  test('the column mapping is remembered per list: moved columns with renamed headers map themselves', async () => {
    const headers = ['证书号', '名称', '信用代码', '镇街', '园区', '认定日期'];
    const rows = highTechRows(3, towns, parks, 2000).map((r) => [r[5], r[2], r[1], r[3], r[4], r[6]]);
    const bytes = await writeListWorkbook('名单', headers, rows);
    const preview = await previewRegistryImport(bureau, { list: 'high_tech', file: file(bytes), mapping: { certificateNo: 0, name: 1, creditCode: 2, town: 3, park: 4, validFrom: 5 } });
    expect(preview.counts.created).toBe(3);
    await confirmRegistryImport(bureau, { list: 'high_tech', fileHash: preview.fileHash, file: file(bytes), mapping: preview.mapping });
    const db = await getDb();
    expect((await db.registryImportMapping.findUniqueOrThrow({ where: { listKey: 'list:high_tech' } })).mapping).toMatchObject({ creditCode: '信用代码', certificateNo: '证书号' });
    const reordered = await writeListWorkbook('名单', ['园区', '信用代码', '名称', '认定日期', '镇街', '证书号'], rows.map((r) => [r[4], r[2], r[1], r[5], r[3], r[0]]));
    const next = await previewRegistryImport(bureau, { list: 'high_tech', file: file(reordered) });
    expect(next.mapping).toMatchObject({ park: 0, creditCode: 1, name: 2, validFrom: 3, town: 4, certificateNo: 5 });
    expect(next.counts).toEqual({ created: 0, updated: 0, unchanged: 3, refused: 0 });
  });

  test('a file that is not a workbook is refused', async () => {
    await expect(previewRegistryImport(bureau, { list: 'high_tech', file: { name: 'x.xlsx', bytes: new TextEncoder().encode('not a zip') } })).rejects.toBeInstanceOf(RegistryFileError);
  });
});
