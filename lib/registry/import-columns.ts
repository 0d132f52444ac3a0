// Pure: the fields an Excel list of firms can fill, how headers are recognised, and how one row's cells become a
// checked row or a refusal with every reason. No I/O; the workbook reader and the database live elsewhere.
import { validateCreditCode } from '@/lib/registry/credit-code';
import { isDay, type Day } from '@/lib/registry/dates';
import type { QualificationKind } from '@/lib/registry/validity';

/** A kind of list the bureau keeps: its firm list, or the list of one qualification. */
export type ListKind = 'enterprises' | QualificationKind;
export const listKinds: readonly ListKind[] = ['enterprises', 'high_tech', 'tech_sme', 'specialised', 'little_giant', 'cultivation', 'ipo_reserve', 'listed', 'rd_institution'];

export type ImportField =
  | 'creditCode'
  | 'name'
  | 'town'
  | 'park'
  | 'clusterTask'
  | 'aboveScale'
  | 'foundedOn'
  | 'year'
  | 'validFrom'
  | 'certificateNo'
  | 'level'
  | 'financialYear'
  | 'revenue'
  | 'rdSpending'
  | 'highTechRevenue'
  | 'staff'
  | 'rdStaff'
  | 'grantedIp';

const firmFields: ImportField[] = ['creditCode', 'name', 'town', 'park', 'clusterTask', 'aboveScale', 'foundedOn'];
const financialFields: ImportField[] = ['financialYear', 'revenue', 'rdSpending', 'highTechRevenue', 'staff', 'rdStaff', 'grantedIp'];
const qualificationFields: ImportField[] = ['year', 'validFrom', 'certificateNo', 'level'];

export function fieldsOf(list: ListKind): ImportField[] {
  return list === 'enterprises' ? [...firmFields, ...financialFields] : [...firmFields, ...qualificationFields];
}

/** Header words that name each field in the bureau's lists (compared without spaces and brackets). */
const synonyms: Record<ImportField, string[]> = {
  creditCode: ['统一社会信用代码', '信用代码', '社会信用代码', '统一代码', 'creditcode'],
  name: ['企业名称', '单位名称', '企业', '名称', 'name'],
  town: ['镇街', '所属镇街', '街镇', '所在镇街', 'town'],
  park: ['园区', '所属园区', '所在园区', 'park'],
  clusterTask: ['产业集群', '集群', '所属集群', 'cluster'],
  aboveScale: ['是否规上', '规上', '规模以上', 'abovescale'],
  foundedOn: ['成立日期', '成立时间', '注册日期', 'foundedon'],
  year: ['年度', '入库年度', '认定年度', '年份', 'year'],
  validFrom: ['发证日期', '认定日期', '入库日期', '证书日期', '登记日期', '入选日期', 'validfrom'],
  certificateNo: ['证书编号', '证书号', '编号', 'certificateno'],
  level: ['级别', '层级', 'level'],
  financialYear: ['数据年度', '财务年度', 'financialyear'],
  revenue: ['营业收入', '营收', '营业收入万元', 'revenue'],
  rdSpending: ['研发费用', '研发投入', '研发费用万元', 'rdspending'],
  highTechRevenue: ['高新技术产品收入', '高品收入', '高新收入', 'hightechrevenue'],
  staff: ['职工总数', '从业人数', '职工人数', 'staff'],
  rdStaff: ['研发人员', '科技人员', '研发人员数', 'rdstaff'],
  grantedIp: ['知识产权', '授权知识产权', '知识产权数', 'grantedip'],
};

const squash = (header: string) => header.replace(/[\s()（）【】[\]:：*]/g, '').toLowerCase();

/** field → column index (0-based). */
export type ColumnMapping = Partial<Record<ImportField, number>>;
/** What is remembered per list: field → header text, so a list whose columns move still maps itself. */
export type SavedMapping = Partial<Record<ImportField, string>>;

export function guessMapping(list: ListKind, headers: readonly string[], saved: SavedMapping | null): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  const squashed = headers.map(squash);
  for (const field of fieldsOf(list)) {
    const remembered = saved?.[field];
    let index = remembered ? squashed.indexOf(squash(remembered)) : -1;
    if (index < 0) index = squashed.findIndex((h, i) => !taken.has(i) && synonyms[field].some((s) => h === squash(s)));
    if (index < 0) index = squashed.findIndex((h, i) => !taken.has(i) && h !== '' && synonyms[field].some((s) => s.length >= 3 && h.includes(squash(s))));
    if (index >= 0 && !taken.has(index)) {
      mapping[field] = index;
      taken.add(index);
    }
  }
  return mapping;
}

export function toSavedMapping(mapping: ColumnMapping, headers: readonly string[]): SavedMapping {
  const out: SavedMapping = {};
  for (const [field, index] of Object.entries(mapping) as [ImportField, number][]) if (headers[index]) out[field] = headers[index];
  return out;
}

/** Fields a list cannot be read without. */
export function missingRequired(list: ListKind, mapping: ColumnMapping): ImportField[] {
  const required: ImportField[] = ['creditCode', 'name'];
  if (list !== 'enterprises') required.push('validFrom');
  if (list === 'enterprises' && financialFields.slice(1).some((f) => mapping[f] !== undefined)) required.push('financialYear');
  return required.filter((f) => mapping[f] === undefined);
}

export type CellValue = string | number | boolean | Date | null;

export interface UnitNames {
  towns: ReadonlyMap<string, number>;
  parks: ReadonlyMap<string, number>;
}

/** One checked row. A field absent from the file is `undefined`: what is stored stays as it is. */
export interface ImportRow {
  row: number;
  creditCode: string;
  name: string;
  townUnitId?: number | null;
  parkUnitId?: number | null;
  clusterTask?: number | null;
  aboveScale?: boolean;
  foundedOn?: Day | null;
  qualification?: { year: number; validFrom: Day; certificateNo: string | null; level: string | null };
  financial?: { year: number; revenue: number | null; rdSpending: number | null; highTechRevenue: number | null; staff: number | null; rdStaff: number | null; grantedIp: number | null };
}

export type RowCheck = { ok: true; row: ImportRow } | { ok: false; row: number; creditCode: string | null; name: string | null; reasons: string[] };

function text(value: CellValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const s = String(value).trim();
  return s === '' ? null : s;
}

/** Excel dates come as Date cells, serial numbers, or text: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日. */
export function parseDay(value: CellValue | undefined): Day | null | 'bad' {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'bad' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 20000 || value > 80000) return 'bad';
    return new Date(Date.UTC(1899, 11, 30) + value * 86_400_000).toISOString().slice(0, 10);
  }
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(String(value).trim());
  if (!m) return 'bad';
  const day = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isDay(day) ? day : 'bad';
}

function parseNumber(value: CellValue | undefined): number | null | 'bad' {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : 'bad';
  const s = String(value).replace(/[,，\s]/g, '');
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 ? n : 'bad';
}

const yes = new Set(['是', 'Y', 'YES', 'TRUE', '1', '规上', '√']);
const no = new Set(['否', 'N', 'NO', 'FALSE', '0', '规下', '']);
const levels: Record<string, string> = { 国家级: 'national', 国家: 'national', 市级: 'municipal', 市: 'municipal', 区级: 'district', 区: 'district', national: 'national', municipal: 'municipal', district: 'district' };

/** Checks one row; collects every reason, so the preview shows all that is wrong with it at once. */
export function checkRow(list: ListKind, rowNumber: number, cells: readonly CellValue[], mapping: ColumnMapping, units: UnitNames): RowCheck {
  const get = (f: ImportField) => (mapping[f] === undefined ? undefined : (cells[mapping[f]!] ?? null));
  const has = (f: ImportField) => mapping[f] !== undefined;
  const reasons: string[] = [];
  const rawCode = text(get('creditCode'));
  const name = text(get('name'));
  const code = validateCreditCode(rawCode ?? '');
  if (!code.ok) reasons.push(code.reason);
  if (!name) reasons.push('企业名称为空');
  else if (name.length > 100) reasons.push('企业名称超过 100 字');
  const row: ImportRow = { row: rowNumber, creditCode: code.ok ? code.code : (rawCode ?? ''), name: name ?? '' };

  const unitOf = (field: 'town' | 'park', map: ReadonlyMap<string, number>, label: string) => {
    if (!has(field)) return undefined;
    const value = text(get(field));
    if (value === null) return null;
    const id = map.get(value);
    if (id === undefined) reasons.push(`${label}“${value}”不在本区${label}名单中`);
    return id ?? null;
  };
  row.townUnitId = unitOf('town', units.towns, '镇街');
  row.parkUnitId = unitOf('park', units.parks, '园区');
  if (has('clusterTask')) {
    const v = text(get('clusterTask'));
    const n = v === null ? null : Number(v.replace(/^任务|^重点任务/, ''));
    if (n !== null && !(Number.isInteger(n) && n >= 7 && n <= 11)) reasons.push(`产业集群“${v}”应为重点任务 7–11 之一`);
    else row.clusterTask = n;
  }
  if (has('aboveScale')) {
    const v = (text(get('aboveScale')) ?? '').toUpperCase();
    if (yes.has(v)) row.aboveScale = true;
    else if (no.has(v)) row.aboveScale = false;
    else reasons.push(`是否规上“${v}”应为“是”或“否”`);
  }
  if (has('foundedOn')) {
    const d = parseDay(get('foundedOn'));
    if (d === 'bad') reasons.push(`成立日期“${text(get('foundedOn'))}”不是日期`);
    else row.foundedOn = d;
  }

  if (list !== 'enterprises') {
    const validFrom = parseDay(get('validFrom'));
    const yearText = text(get('year'));
    const year = yearText === null ? null : Number(yearText.replace(/年度?$/, ''));
    if (validFrom === 'bad') reasons.push(`日期“${text(get('validFrom'))}”不是日期`);
    else if (validFrom === null) reasons.push('发证（入库）日期为空');
    if (year !== null && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) reasons.push(`年度“${yearText}”应为 2000–2100 的年份`);
    const levelText = text(get('level'));
    const level = levelText === null ? null : (levels[levelText] ?? null);
    if (levelText !== null && level === null) reasons.push(`级别“${levelText}”应为国家级、市级或区级`);
    if (typeof validFrom === 'string' && (year === null || Number.isInteger(year))) {
      const effectiveYear = year ?? Number(validFrom.slice(0, 4));
      if (list === 'tech_sme' && Number(validFrom.slice(0, 4)) > effectiveYear) reasons.push(`入库日期 ${validFrom} 晚于入库年度 ${effectiveYear}`);
      row.qualification = { year: effectiveYear, validFrom, certificateNo: text(get('certificateNo')), level };
      if (list === 'high_tech' && !row.qualification.certificateNo && has('certificateNo')) reasons.push('高新技术企业证书编号为空');
    }
  } else if (has('financialYear')) {
    const yearText = text(get('financialYear'));
    const year = yearText === null ? null : Number(yearText.replace(/年度?$/, ''));
    const money = (f: ImportField, label: string) => {
      const v = parseNumber(get(f));
      if (v === 'bad') reasons.push(`${label}“${text(get(f))}”应为非负数`);
      // Stored as numeric(20,4): rounded the same way here, so an unchanged file compares equal.
      return v === 'bad' || v === null ? null : Math.round(v * 10_000) / 10_000;
    };
    const count = (f: ImportField, label: string) => {
      const v = money(f, label);
      if (v !== null && !Number.isInteger(v)) reasons.push(`${label}应为整数`);
      return v;
    };
    const financial = {
      year: year ?? 0,
      revenue: money('revenue', '营业收入'),
      rdSpending: money('rdSpending', '研发费用'),
      highTechRevenue: money('highTechRevenue', '高新技术产品收入'),
      staff: count('staff', '职工总数'),
      rdStaff: count('rdStaff', '研发人员'),
      grantedIp: count('grantedIp', '知识产权'),
    };
    const any = Object.entries(financial).some(([k, v]) => k !== 'year' && v !== null);
    if (any) {
      if (year === null || !(Number.isInteger(year) && year >= 2000 && year <= 2100)) reasons.push(`数据年度“${yearText ?? ''}”应为 2000–2100 的年份`);
      else row.financial = financial;
    }
  }
  return reasons.length > 0 ? { ok: false, row: rowNumber, creditCode: rawCode, name, reasons } : { ok: true, row };
}
