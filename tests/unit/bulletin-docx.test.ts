// The 月通报 .docx against GB/T 9704-2012, read back from its XML: A4 with the standard's margins, 22 lines of 28
// characters in the 156 × 225 mm 版心, title 小标宋 2号, body 仿宋_GB2312 3号, page numbers "— n —" in 宋体 4号 on
// the outside edge one character in (odd right, even left).
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { bulletinToDocx } from '@/lib/bulletin/docx';
import { BULLETIN_OFFICE, type BulletinContent } from '@/lib/bulletin/types';

const content: BulletinContent = {
  month: '2026-09',
  title: '关于2026年9月“双倍增”工作进展情况的通报',
  office: BULLETIN_OFFICE,
  issue: '2026年第9期',
  date: '2026-10-10',
  ruleNo: 2,
  sections: [{ key: 'headline', title: '一、总体目标', paragraphs: ['高新技术企业达到 480 家。'], tables: [{ title: '表1', columns: ['指标', '本期数'], rows: [['高新技术企业', 480]] }] }],
  corrections: [],
  figures: [],
};

const attr = (xml: string, tag: string, name: string) => {
  const m = new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml);
  return m ? m[1] : null;
};
const TWIPS_PER_MM = 1440 / 25.4;

describe('the bulletin .docx', async () => {
  const zip = await JSZip.loadAsync(await bulletinToDocx(content, { foreword: '按语。', remarks: '', draft: false }));
  const document = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  const footers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));

  test('A4, margins 37/35/28/26 mm: a 版心 of 156 × 225 mm', () => {
    expect(Number(attr(document, 'w:pgSz', 'w:w')) / TWIPS_PER_MM).toBeCloseTo(210, 0);
    expect(Number(attr(document, 'w:pgSz', 'w:h')) / TWIPS_PER_MM).toBeCloseTo(297, 0);
    const [top, bottom, left, right] = ['w:top', 'w:bottom', 'w:left', 'w:right'].map((a) => Number(attr(document, 'w:pgMar', a)) / TWIPS_PER_MM);
    expect(210 - left - right).toBeCloseTo(156, 0);
    expect(297 - top - bottom).toBeCloseTo(225, 0);
  });

  test('22 lines a page and 28 characters a line of 3号 text: the grid fills the 版心 and one more would not fit', () => {
    expect(attr(document, 'w:docGrid', 'w:type')).toBe('lines');
    const pitch = Number(attr(document, 'w:docGrid', 'w:linePitch'));
    const height = 225 * TWIPS_PER_MM;
    expect(22 * pitch).toBeLessThanOrEqual(height);
    expect(23 * pitch).toBeGreaterThan(height);
    // Character pitch = font size + the body runs' spacing (twentieths of a point): 28 fit the 156 mm width, 29 do not.
    const spacings = [...document.matchAll(/<w:spacing w:val="(-?\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(new Set(spacings).size).toBe(1);
    const charPitchPt = 16 + spacings[0] / 20;
    expect((28 * charPitchPt * 20) / TWIPS_PER_MM).toBeLessThanOrEqual(156);
    expect((29 * charPitchPt * 20) / TWIPS_PER_MM).toBeGreaterThan(156);
    // The body's default: 仿宋_GB2312 3号 (16 pt = 32 half-points) at exactly that line pitch.
    expect(styles).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(attr(styles, 'w:sz', 'w:val')).toBe('32');
    expect(attr(styles, 'w:spacing', 'w:line')).toBe(String(pitch));
  });

  test('the 成文日期 written as a 公文 writes it, not as an ISO date', () => {
    expect(document).toContain('2026年10月10日');
    expect(document).not.toContain('2026-10-10');
  });

  test('the title in 方正小标宋 2号 (22 pt), centred', () => {
    const title = document.slice(0, document.indexOf(content.title));
    const lastRun = title.slice(title.lastIndexOf('<w:p>') >= 0 ? title.lastIndexOf('<w:p>') : title.lastIndexOf('<w:p '));
    expect(lastRun).toMatch(/<w:jc w:val="center"\/>/);
    expect(lastRun).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(lastRun).toMatch(/<w:sz w:val="44"\/>/);
  });

  test('page numbers "— n —" in 宋体 4号, odd pages right and even pages left, one character in', () => {
    expect(document).toMatch(/w:footerReference w:type="even"/);
    expect(document).toMatch(/w:footerReference w:type="default"/);
    expect(footers).toHaveLength(2);
    const odd = footers.find((f) => /<w:jc w:val="right"\/>/.test(f))!;
    const even = footers.find((f) => /<w:jc w:val="left"\/>/.test(f))!;
    for (const footer of [odd, even]) {
      expect(footer).toMatch(/— <\/w:t>/);
      expect(footer).toMatch(/PAGE/);
      expect(footer).toMatch(/> —<\/w:t>/);
      expect(footer).toMatch(/w:eastAsia="宋体"/);
      expect(footer).toMatch(/<w:sz w:val="28"\/>/);
    }
    expect(attr(odd, 'w:ind', 'w:right')).toBe('280');
    expect(attr(even, 'w:ind', 'w:left')).toBe('280');
  });
});
