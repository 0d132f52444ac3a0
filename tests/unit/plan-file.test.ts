import fs from 'node:fs';
import path from 'node:path';
import { describe, test, expect } from 'vitest';
import { z } from 'zod';
import { planFileSchema, type PlanFile } from '../../lib/plan/plan-file-schema';

const root = path.resolve(__dirname, '../..');
const raw = JSON.parse(fs.readFileSync(path.resolve(root, 'prisma/plans/beibei-2023-2027.json'), 'utf8'));
const doc = fs.readFileSync(path.resolve(root, 'prisma/plans/beibei-2023-2027.source.zh.txt'), 'utf8');

// Independent parse of the source document (does not look at the JSON).
type Item = { no: number; title: string; text: string; lead: string[]; responsible: string[] };
const cnNo: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };
const docLines = doc.split(/\r?\n/);
const keyStart = docLines.indexOf('三、重点任务');
const orgStart = docLines.indexOf('四、组织实施');
const partiesRe = /\(牵头单位:([^;)]+);责任单位:([^)]+)\)$/;
const split = (s: string) => s.split('、').map((x) => x.trim());

const docSections: { no: number; title: string }[] = [];
const docTasks: (Item & { section: number })[] = [];
let currentSection = 0;
for (const line of docLines.slice(keyStart + 1, orgStart)) {
  const sec = /^\(([一二三四五六七八九])\)(.+)。$/.exec(line);
  if (sec && !partiesRe.test(line)) {
    currentSection = cnNo[sec[1]];
    docSections.push({ no: currentSection, title: sec[2] });
    continue;
  }
  const m = /^(\d+)\.\s*([^。]+)。(.+?)\(牵头单位:([^;)]+);责任单位:([^)]+)\)$/.exec(line);
  if (m) docTasks.push({ no: Number(m[1]), section: currentSection, title: m[2], text: m[3], lead: split(m[4]), responsible: split(m[5]) });
}
const docOrg: Item[] = [];
for (const line of docLines.slice(orgStart + 1)) {
  const m = /^\(([一二三四五六七八九])\)([^。]+)。(.+?)\(牵头单位:([^;)]+);责任单位:([^)]+)\)$/.exec(line);
  if (m) docOrg.push({ no: cnNo[m[1]], title: m[2], text: m[3], lead: split(m[4]), responsible: split(m[5]) });
}

const result = planFileSchema.safeParse(raw);
const plan = (result.success ? result.data : raw) as PlanFile;

const TOWNS = ['天生街道', '朝阳街道', '北温泉街道', '东阳街道', '龙凤桥街道', '歇马街道', '蔡家岗街道', '水土街道', '复兴街道',
  '澄江镇', '童家溪镇', '天府镇', '施家梁镇', '静观镇', '柳荫镇', '三圣镇', '金刀峡镇'];

/** Milestones whose value and text are derived by us, not stated by the document (indicator code + year). */
const DERIVED_MILESTONES = new Set(['valid_invention_patents:2027', 'resident_population:2027']);

const indicator = (code: string) => {
  const found = plan.indicators.find((i) => i.code === code);
  if (!found) throw new Error(`indicator ${code} missing`);
  return found;
};
const milestone = (code: string, year: number) => {
  const found = indicator(code).milestones.find((m) => m.year === year);
  if (!found) throw new Error(`milestone ${code}:${year} missing`);
  return found;
};

describe('prisma/plans/beibei-2023-2027.json', () => {
  test('parses with planFileSchema', () => {
    if (!result.success) console.error(z.prettifyError(result.error));
    expect(result.success).toBe(true);
  });

  test('top-level fields match the document', () => {
    expect(plan.id).toBe('beibei-2023-2027');
    expect(plan.title).toBe(docLines[0]);
    expect(plan.region).toBe('北碚区');
    expect(plan.parentDocument).toBe(
      '《重庆市人民政府办公厅关于印发重庆市高新技术企业和科技型企业“双倍增”行动计划(2023—2027年)的通知》(渝府办发〔2023〕26号)',
    );
    expect(doc).toContain(plan.parentDocument);
    expect(plan.period).toEqual({ start: 2023, end: 2027 });
    expect(plan.baselineYear).toBe(2022);
    expect(plan.organisationSectionTitle).toBe('组织实施');
    expect(docLines[orgStart]).toBe(`四、${plan.organisationSectionTitle}`);
  });

  test('the independent parse of the source found everything', () => {
    expect(docSections).toHaveLength(3);
    expect(docTasks.map((t) => t.no)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(docOrg.map((t) => t.no)).toEqual([1, 2, 3, 4]);
  });

  test('19 tasks in the document’s sections and 4 organisation items', () => {
    expect(plan.tasks.map((t) => t.no)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    const expectedSection = (no: number) => (no <= 5 ? 1 : no <= 11 ? 2 : 3);
    for (const t of plan.tasks) expect(t.section, `task ${t.no}`).toBe(expectedSection(t.no));
    for (const t of docTasks) expect(t.section, `doc task ${t.no}`).toBe(expectedSection(t.no));
    expect(plan.organisation).toHaveLength(4);
    expect(plan.organisation.map((t) => t.no)).toEqual([1, 2, 3, 4]);
  });

  test('sections match the document', () => {
    expect(plan.sections.map(({ no, title }) => ({ no, title }))).toEqual(docSections);
  });

  test('English names: every unit, group, section, task and organisational item has one, distinct and free of Chinese', () => {
    const han = /\p{Script=Han}/u;
    const named = [
      ...plan.units.map((u) => [u.name, u.nameEn] as const),
      ...plan.groups.map((g) => [g.name, g.nameEn] as const),
      ...plan.sections.map((s) => [s.title, s.titleEn] as const),
      ...plan.tasks.map((t) => [t.title, t.titleEn] as const),
      ...plan.organisation.map((t) => [t.title, t.titleEn] as const),
      [plan.region, plan.regionEn] as const,
      [plan.organisationSectionTitle, plan.organisationSectionTitleEn] as const,
    ];
    expect(named).toHaveLength(plan.units.length + plan.groups.length + 3 + 19 + 4 + 2);
    for (const [zh, en] of named) {
      expect(en, zh).toBeTruthy();
      expect(han.test(en!), `${zh}: ${en}`).toBe(false);
    }
    const distinct = (list: (string | undefined)[]) => new Set(list).size === list.length;
    expect(distinct(plan.units.map((u) => u.nameEn))).toBe(true);
    expect(distinct(plan.tasks.map((t) => t.titleEn))).toBe(true);
  });

  test('English names are optional: a plan without them parses, an empty one is refused', () => {
    const strip = structuredClone(raw);
    delete strip.regionEn;
    delete strip.organisationSectionTitleEn;
    for (const list of [strip.units, strip.groups]) for (const x of list) delete x.nameEn;
    for (const list of [strip.sections, strip.tasks, strip.organisation]) for (const x of list) delete x.titleEn;
    const parsed = planFileSchema.safeParse(strip);
    expect(parsed.success).toBe(true);
    expect(parsed.data!.units[0].nameEn).toBeUndefined();
    const empty = structuredClone(raw);
    empty.tasks[0].titleEn = '  ';
    const refused = planFileSchema.safeParse(empty);
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0].path).toEqual(['tasks', 0, 'titleEn']);
  });

  test('tasks match the document item by item', () => {
    for (const d of docTasks) {
      const t = plan.tasks.find((x) => x.no === d.no);
      expect(t, `task ${d.no}`).toBeDefined();
      expect(t!.title, `task ${d.no} title`).toBe(d.title);
      expect(t!.lead, `task ${d.no} lead`).toEqual(d.lead);
      expect(t!.responsible, `task ${d.no} responsible`).toEqual(d.responsible);
      expect(doc.includes(t!.text), `task ${d.no} text is verbatim`).toBe(true);
      expect(t!.text, `task ${d.no} text is the whole paragraph`).toBe(d.text);
    }
  });

  test('organisation items match the document item by item', () => {
    for (const d of docOrg) {
      const t = plan.organisation.find((x) => x.no === d.no);
      expect(t, `organisation ${d.no}`).toBeDefined();
      expect(t!.title).toBe(d.title);
      expect(t!.lead).toEqual(d.lead);
      expect(t!.responsible).toEqual(d.responsible);
      expect(doc.includes(t!.text)).toBe(true);
      expect(t!.text).toBe(d.text);
    }
    expect(plan.organisation.map((t) => t.title)).toEqual(['加强组织领导', '加强资源配置', '加强考核督查', '营造良好氛围']);
  });

  test('every party resolves to a unit or a group; group members are units', () => {
    const units = new Set(plan.units.map((u) => u.name));
    const groups = new Set(plan.groups.map((g) => g.name));
    for (const t of [...plan.tasks, ...plan.organisation]) {
      for (const p of [...t.lead, ...t.responsible]) expect(units.has(p) || groups.has(p), p).toBe(true);
    }
    for (const g of plan.groups) for (const m of g.members) expect(units.has(m), `${g.name} → ${m}`).toBe(true);
    for (const i of plan.indicators) {
      for (const u of i.reportingUnits) expect(units.has(u), `${i.code} reporter ${u}`).toBe(true);
      for (const b of i.breakdowns) expect(groups.has(b), `${i.code} breakdown ${b}`).toBe(true);
    }
  });

  test('units: every named unit in first-appearance order, then the 17 towns', () => {
    const groupNames = new Set(['各镇街', '各园城管委会', '各园区管委会', '各园城公司']);
    expect(new Set(plan.groups.map((g) => g.name))).toEqual(groupNames);
    const named: string[] = [];
    for (const t of [...docTasks, ...docOrg]) {
      for (const p of [...t.lead, ...t.responsible]) if (!groupNames.has(p) && !named.includes(p)) named.push(p);
    }
    expect(plan.units.map((u) => u.name)).toEqual([...named, ...TOWNS]);
    expect(named).toContain('区统计局');
    const kind = (n: string) => plan.units.find((u) => u.name === n)?.kind;
    for (const t of TOWNS) {
      expect(kind(t), t).toBe('town');
      expect(plan.units.find((u) => u.name === t)?.shortName).toBe(t.replace(/(街道|镇)$/, ''));
    }
    const parks = ['科学城北碚片区管委会', '蔡家智慧新城管委会', '水土组团管委会', '生态农业科技产业示范区管委会'];
    for (const p of parks) expect(kind(p), p).toBe('park');
    expect(kind('缙云公司')).toBe('company');
    expect(kind('缙融公司')).toBe('company');
    for (const n of named.filter((x) => !parks.includes(x) && !x.endsWith('公司'))) expect(kind(n), n).toBe('department');
    const members = (g: string) => plan.groups.find((x) => x.name === g)?.members;
    expect(members('各镇街')).toEqual(TOWNS);
    expect(members('各园城管委会')).toEqual(parks);
    expect(members('各园区管委会')).toEqual(parks);
    expect(members('各园城公司')).toEqual(['缙云公司', '缙融公司']);
    expect(plan.groups.find((g) => g.name === '各园城公司')?.note).toMatch(/区科技局/);
  });

  test('every target number in the document is some milestone value', () => {
    const values = new Set(plan.indicators.flatMap((i) => i.milestones.map((m) => m.value)));
    const targets = ['470', '4500', '570', '5600', '180', '20', '45', '18', '30', '2000', '200', '300', '100', '50', '750', '5', '5.1', '12', '20'];
    for (const t of targets) {
      expect(doc.includes(t), `document states ${t}`).toBe(true);
      expect(values.has(Number(t)), `milestone value ${t}`).toBe(true);
    }
  });

  test('milestone texts and source texts are the document’s words (derived ones marked)', () => {
    const derived: string[] = [];
    for (const i of plan.indicators) {
      expect(doc.includes(i.sourceText), `${i.code} sourceText`).toBe(true);
      for (const m of i.milestones) {
        const key = `${i.code}:${m.year}`;
        if (DERIVED_MILESTONES.has(key)) {
          derived.push(key);
          continue;
        }
        expect(doc.includes(m.text), `${key} text "${m.text}"`).toBe(true);
        expect(m.year === 2025 ? doc.includes('到2025年') : m.year === 2027, `${key} year`).toBe(true);
      }
    }
    expect(derived.sort()).toEqual([...DERIVED_MILESTONES].sort());
    // No 2025 milestone except the two indicators the document gives a 2025 target for.
    const with2025 = plan.indicators.filter((i) => i.milestones.some((m) => m.year === 2025)).map((i) => i.code);
    expect(with2025.sort()).toEqual(['high_tech_enterprises', 'tech_smes']);
  });

  test('comparators follow the wording', () => {
    expect(milestone('high_tech_enterprises', 2025)).toMatchObject({ comparator: 'gt', value: 470 });
    expect(milestone('high_tech_enterprises', 2027)).toMatchObject({ comparator: 'gt', value: 570 });
    expect(milestone('tech_smes', 2025)).toMatchObject({ comparator: 'gt', value: 4500 });
    expect(milestone('tech_smes', 2027)).toMatchObject({ comparator: 'gt', value: 5600 });
    expect(milestone('above_scale_high_tech', 2027)).toMatchObject({ comparator: 'gte', value: 180 });
    expect(milestone('little_giants', 2027)).toMatchObject({ comparator: 'gt', value: 20 });
    expect(milestone('rd_gdp_ratio', 2027)).toMatchObject({ comparator: 'gt', value: 5.1 });
    expect(milestone('rd_gdp_rank', 2027)).toMatchObject({ comparator: 'lte', value: 1 });
    expect(milestone('tech_contract_turnover', 2027)).toMatchObject({ comparator: 'gt', value: 20 });
    expect(milestone('pre_ipo_reserve', 2027)).toMatchObject({ comparator: 'gte', value: 12 });
    for (const i of plan.indicators) {
      for (const m of i.milestones) {
        if (/超过|突破/.test(m.text)) expect(m.comparator, `${i.code}:${m.year}`).toBe('gt');
        else if (i.kind === 'rank') expect(m.comparator, `${i.code}:${m.year}`).toBe('lte');
        else expect(m.comparator, `${i.code}:${m.year}`).toBe('gte');
      }
    }
  });

  test('task indicator links point at indicators defined in that task', () => {
    const linked = new Map<string, number[]>();
    for (const t of plan.tasks) for (const c of t.indicators) linked.set(c, [...(linked.get(c) ?? []), t.no]);
    for (const i of plan.indicators.filter((x) => x.category === 'task')) {
      expect(linked.get(i.code)?.length, `${i.code} linked to exactly one task`).toBe(1);
      const task = plan.tasks.find((t) => t.no === linked.get(i.code)![0])!;
      expect(task.text.includes(i.sourceText), `${i.code} sourceText is inside task ${task.no}`).toBe(true);
    }
    expect(plan.tasks.find((t) => t.no === 12)?.indicators).toEqual(expect.arrayContaining(['rd_gdp_ratio', 'rd_gdp_rank', 'rd_institution_coverage']));
    expect(indicator('patents_per_10k').formula).toEqual({ op: 'ratio', numerator: 'valid_invention_patents', denominator: 'resident_population', factor: 10000 });
    expect(indicator('high_tech_enterprises').baseline).toEqual({ year: 2022, value: 285 });
    expect(indicator('tech_smes').baseline).toEqual({ year: 2022, value: 2800 });
  });
});
