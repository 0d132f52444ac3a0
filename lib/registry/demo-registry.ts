// Pure: a synthetic enterprise registry that agrees with the demo figures. For every town and park and every month
// from DEMO_START, counting it by the registry's own rule (lib/registry/validity.ts) gives exactly the demo values of
// 国家高新技术企业 and 市级科技型企业. Valid credit codes for area 500109; every name says 演示. Deterministic.
import { DEMO_START, generateDemoValues } from '@/lib/demo/demo-values';
import { addMonths, monthRange, type Month } from '@/lib/periods';
import type { PlanFile } from '@/lib/plan/plan-file-schema';
import { CREDIT_CODE_ALPHABET, makeCreditCode } from '@/lib/registry/credit-code';
import { addDays, addYears, lastDayOfMonth, type Day } from '@/lib/registry/dates';
import { highTechExpiry, type QualificationKind } from '@/lib/registry/validity';

export const DEMO_COUNTED: Record<'high_tech' | 'tech_sme', string> = { high_tech: 'high_tech_enterprises', tech_sme: 'tech_smes' };

export interface DemoQualification {
  kind: QualificationKind;
  year: number;
  level: string | null;
  certificateNo: string | null;
  validFrom: Day;
  validUntil: Day | null;
  endedOn: Day | null;
}

export interface DemoFirm {
  creditCode: string;
  name: string;
  town: string;
  park: string | null;
  clusterTask: number | null;
  aboveScale: boolean;
  foundedOn: Day;
  qualifications: DemoQualification[];
  financial: { year: number; revenue: number; rdSpending: number; highTechRevenue: number; staff: number; rdStaff: number; grantedIp: number } | null;
}

function seeded(seed: string): () => number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stock that is opened before the window (null) or in a month, and closed after a month (null: still open). */
interface Slot {
  opened: Month | null;
  last: Month | null;
}

/** FIFO: growth opens slots, a fall closes the oldest ones, so old certificates lapse before new ones. */
function slotsFor(series: number[], months: Month[]): Slot[] {
  const all: Slot[] = [];
  const open: Slot[] = [];
  series.forEach((n, i) => {
    while (open.length < n) {
      const slot: Slot = { opened: i === 0 ? null : months[i], last: null };
      open.push(slot);
      all.push(slot);
    }
    while (open.length > n) open.shift()!.last = months[i - 1];
  });
  return all;
}

/** Splits each month's town counts and park counts into (town, park | none) cells: north-west corner. */
function cells(towns: number[], parks: number[]): number[][] {
  const out = towns.map(() => new Array<number>(parks.length + 1).fill(0));
  const townLeft = [...towns];
  let t = 0;
  parks.forEach((need, p) => {
    let left = need;
    while (left > 0 && t < towns.length) {
      const take = Math.min(left, townLeft[t]);
      out[t][p] += take;
      townLeft[t] -= take;
      left -= take;
      if (townLeft[t] === 0) t += 1;
    }
  });
  townLeft.forEach((left, i) => (out[i][parks.length] += left));
  return out;
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const dayIn = (rnd: () => number, month: Month): Day => `${month}-${String(1 + Math.floor(rnd() * 27)).padStart(2, '0')}`;

function highTechChain(slot: Slot, through: Month, rnd: () => number, serial: (issued: Day) => string): DemoQualification[] {
  const cert = (issued: Day): DemoQualification => ({ kind: 'high_tech', year: Number(issued.slice(0, 4)), level: 'national', certificateNo: serial(issued), validFrom: issued, validUntil: highTechExpiry(issued), endedOn: null });
  const windowStart = lastDayOfMonth(DEMO_START);
  const end = lastDayOfMonth(through);
  const chain: DemoQualification[] = [];
  if (slot.opened === null && slot.last !== null) {
    // Lapses in the month after `last`: its last valid day falls between the two month-ends.
    let issued = addYears(addDays(`${addMonths(slot.last, 1)}-10`, 1), -3);
    chain.unshift(cert(issued));
    while (issued > windowStart) {
      issued = addYears(issued, -3);
      chain.unshift(cert(issued));
    }
    return chain;
  }
  let issued = slot.opened === null ? dayIn(rnd, pick(rnd, monthRange('2020-02', DEMO_START))) : dayIn(rnd, slot.opened);
  chain.push(cert(issued));
  for (issued = addYears(issued, 3); issued <= end; issued = addYears(issued, 3)) chain.push(cert(issued));
  if (slot.last !== null) {
    // Opened and lost inside the window: revoked (or moved away) early in the month after `last`.
    const endedOn = `${addMonths(slot.last, 1)}-05`;
    const live = chain.filter((q) => q.validFrom < endedOn);
    live[live.length - 1].endedOn = endedOn;
    return live;
  }
  return chain;
}

function techSmeRows(slot: Slot, through: Month, rnd: () => number): DemoQualification[] {
  const first = slot.opened ?? DEMO_START;
  const last = slot.last ?? through;
  const rows: DemoQualification[] = [];
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year += 1) {
    const validFrom = year === Number(first.slice(0, 4)) && slot.opened !== null ? dayIn(rnd, slot.opened) : `${year}-01-01`;
    const endsHere = slot.last !== null && year === Number(last.slice(0, 4)) && !last.endsWith('-12');
    rows.push({ kind: 'tech_sme', year, level: 'municipal', certificateNo: null, validFrom, validUntil: `${year}-12-31`, endedOn: endsHere ? `${addMonths(last, 1)}-01` : null });
  }
  return rows;
}

const WORDS = ['智感', '云测', '新材', '数联', '芯创', '绿农', '康健', '精工', '光电', '智造', '缙云', '嘉陵', '北泉', '蔡家', '水土', '天府', '聚能', '汇智', '博研', '信达'];
const TRADES = ['科技', '传感技术', '信息技术', '新材料', '生物科技', '智能装备', '软件', '食品科技', '电子', '环保科技'];

function serialCode(index: number): string {
  let n = index;
  let s = '';
  for (let i = 0; i < 7; i += 1) {
    s = CREDIT_CODE_ALPHABET[n % 31] + s;
    n = Math.floor(n / 31);
  }
  return makeCreditCode('91', '500109', `MA${s}`);
}

export function generateDemoRegistry(plan: PlanFile, through: Month): DemoFirm[] {
  const months = monthRange(DEMO_START, through);
  const values = generateDemoValues(plan, through).filter((v) => v.stage === 'final');
  const towns = plan.units.filter((u) => u.kind === 'town').map((u) => u.name);
  const parks = plan.units.filter((u) => u.kind === 'park').map((u) => u.name);
  const series = (code: string, unit: string) => {
    const byMonth = new Map(values.filter((v) => v.code === code && v.unitName === unit).map((v) => [v.month, v.value]));
    return months.map((m) => byMonth.get(m) ?? 0);
  };

  // Slots per kind per cell (town × park-or-none).
  const slots = new Map<string, Partial<Record<'high_tech' | 'tech_sme', Slot[]>>>();
  for (const kind of ['high_tech', 'tech_sme'] as const) {
    const townSeries = towns.map((t) => series(DEMO_COUNTED[kind], t));
    const parkSeries = parks.map((p) => series(DEMO_COUNTED[kind], p));
    const perMonth = months.map((_, i) => cells(townSeries.map((s) => s[i]), parkSeries.map((s) => s[i])));
    towns.forEach((town, t) => {
      [...parks, null].forEach((park, p) => {
        const key = `${town}|${park ?? ''}`;
        const entry = slots.get(key) ?? {};
        entry[kind] = slotsFor(perMonth.map((c) => c[t][p]), months);
        slots.set(key, entry);
      });
    });
  }

  const firms: DemoFirm[] = [];
  let certificate = 0;
  for (const [key, entry] of slots) {
    const [town, park] = key.split('|');
    const ht = entry.high_tech ?? [];
    const sme = entry.tech_sme ?? [];
    for (let k = 0; k < Math.max(ht.length, sme.length); k += 1) {
      const index = firms.length;
      const rnd = seeded(`firm:${index}`);
      const qualifications: DemoQualification[] = [];
      if (ht[k]) qualifications.push(...highTechChain(ht[k], through, rnd, (issued) => `GR${issued.slice(0, 4)}5100${String(++certificate).padStart(4, '0')}`));
      if (sme[k]) qualifications.push(...techSmeRows(sme[k], through, rnd));
      const isHighTech = Boolean(ht[k]);
      const firstDay = qualifications.map((q) => q.validFrom).sort()[0];
      const extra = rnd();
      if (isHighTech && extra < 0.18) qualifications.push({ kind: 'specialised', year: Number(firstDay.slice(0, 4)), level: 'municipal', certificateNo: null, validFrom: firstDay, validUntil: highTechExpiry(firstDay), endedOn: null });
      if (isHighTech && extra < 0.04) qualifications.push({ kind: 'little_giant', year: Number(firstDay.slice(0, 4)), level: 'national', certificateNo: null, validFrom: firstDay, validUntil: highTechExpiry(firstDay), endedOn: null });
      if (!isHighTech && extra < 0.12) qualifications.push({ kind: 'cultivation', year: Number(firstDay.slice(0, 4)), level: 'district', certificateNo: null, validFrom: firstDay, validUntil: null, endedOn: null });
      if (isHighTech && extra > 0.97) {
        // The top of the reserve has listed: the reserve entry ends on the listing day, the listing stays open.
        const listedOn = extra > 0.992 ? `${Math.min(Number(firstDay.slice(0, 4)) + 2, Number(through.slice(0, 4)))}-06-30` : null;
        const listed = listedOn !== null && listedOn > firstDay && listedOn <= lastDayOfMonth(through) ? listedOn : null;
        qualifications.push({ kind: 'ipo_reserve', year: Number(firstDay.slice(0, 4)), level: 'district', certificateNo: null, validFrom: firstDay, validUntil: null, endedOn: listed });
        if (listed) qualifications.push({ kind: 'listed', year: Number(listed.slice(0, 4)), level: null, certificateNo: null, validFrom: listed, validUntil: null, endedOn: null });
      }
      const revenue = Math.round((isHighTech ? 3000 : 600) * Math.exp(rnd() * 2.5));
      const rdShare = 0.01 + rnd() * 0.07;
      firms.push({
        creditCode: serialCode(index),
        name: `${pick(rnd, WORDS)}${pick(rnd, TRADES)}（演示${index + 1}）有限公司`,
        town,
        park: park || null,
        clusterTask: rnd() < 0.6 ? 7 + Math.floor(rnd() * 5) : null,
        aboveScale: isHighTech ? rnd() < 0.35 : rnd() < 0.05,
        foundedOn: `${2003 + Math.floor(rnd() * 17)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-15`,
        qualifications,
        financial: {
          year: Number(through.slice(0, 4)) - 1,
          revenue,
          rdSpending: Math.round(revenue * rdShare),
          highTechRevenue: Math.round(revenue * (0.4 + rnd() * 0.5)),
          staff: 20 + Math.floor(rnd() * 300),
          rdStaff: 0,
          grantedIp: Math.floor(rnd() * 12),
        },
      });
      const f = firms[firms.length - 1].financial!;
      f.rdStaff = Math.round(f.staff * (0.05 + rnd() * 0.2));
    }
  }
  return firms;
}
