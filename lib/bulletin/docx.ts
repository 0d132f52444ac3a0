// Pure (no database): a 月通报 as a .docx laid out as a 公文 (GB/T 9704-2012): A4, 版心 156 × 225 mm (top 37 mm,
// left 28 mm), title in 小标宋 2号, body in 仿宋_GB2312 3号, 22 lines of 28 characters a page (the standard's 7.1;
// the issue's "28 lines" is not what it says), first-level headings in 黑体, page numbers "— 1 —" in 半角宋体 4号
// 7 mm under the 版心, on the outside edge one character in (odd pages right, even pages left).
import { AlignmentType, Document, DocumentGridType, Footer, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TabStopType, TextRun, WidthType, BorderStyle } from 'docx';
import type { BulletinContent, BulletinTable } from '@/lib/bulletin/types';

const mm = (x: number) => Math.round((x * 1440) / 25.4);
const FANGSONG = '仿宋_GB2312';
const XIAOBIAOSONG = '方正小标宋简体';
const HEITI = '黑体';
const SONG = '宋体';
/** 3号 = 16 pt; docx sizes are half-points. */
const SIZE_3 = 32;
const SIZE_2 = 44;
const SIZE_4 = 28;
const SIZE_TABLE = 21; // 五号, so that eight columns fit the 156 mm 版心
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
const TEXT_WIDTH = mm(156);
/** 225 mm of 版心 height / 22 lines, in twips (rounded down so that the 22nd line still fits): 579. */
export const LINE_PITCH = Math.floor(mm(225) / LINES_PER_PAGE);
/**
 * 3号 (16 pt) characters across the 156 mm 版心 make 27.6 a line; 28 need each a little narrower. The body's runs are
 * condensed by 0.25 pt (−5 twentieths: a 15.75 pt pitch, 28 fit and 29 do not) rather than by a character grid, because
 * a character grid also spaces the tables' smaller text at the body's pitch in LibreOffice (and WPS), which ignore a
 * run's snapToGrid=false there: seen rendering the demo bulletin, every table column cramped to one character a line.
 */
export const CHAR_SPACING = -5;
/** 4号 = 14 pt: "空一字" beside the page number is one 4号 character, 280 twips. */
const ONE_CHAR_4 = SIZE_4 * 10;
/** Wide text columns (names, milestones, reasons) get more room than figures. */
const WIDE = new Set(['指标', '任务', '单位名称', '阶段目标', '滞后原因']);
const MEDIUM = new Set(['本期数']);
/** 本期数 carries its month, e.g. 543（2026年9月）: wide enough for that on one or two lines. */

/** `onGrid` false: a table's or the page number's smaller text keeps its own width, off the body's 28-a-line grid. */
const run = (text: string, font = FANGSONG, size = SIZE_3, bold = false, onGrid = true) =>
  new TextRun({ text, font: { eastAsia: font, ascii: font, hAnsi: font }, size, bold, ...(onGrid ? { characterSpacing: CHAR_SPACING } : { snapToGrid: false }) });

/** 成文日期 as a 公文 writes it: 2026年11月15日 (GB/T 9704-2012 7.3.5.1: Arabic numerals, year in full, no leading zeros). */
export function documentDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function body(text: string): Paragraph {
  return new Paragraph({ children: [run(text)], indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED });
}

function tableOf(table: BulletinTable): (Paragraph | Table)[] {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, bold = false) =>
    // Exact line spacing: table text is smaller than the body and must not snap to the body's 28-line grid.
    new TableCell({ borders, children: [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 300, lineRule: 'exact' }, children: [run(text, FANGSONG, SIZE_TABLE, bold, false)] })] });
  const weights = table.columns.map((c, i) => (WIDE.has(c) || (i === 0 && table.columns.length <= 4) ? 2.5 : i === 0 ? 2 : MEDIUM.has(c) ? 2.2 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const columnWidths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [run(table.title, HEITI, SIZE_TABLE, false, false)] }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths,
      rows: [
        new TableRow({ tableHeader: true, children: table.columns.map((c) => cell(c, true)) }),
        ...table.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((v) => cell(v === null ? '—' : String(v))) })),
      ],
    }),
  ];
}

function pageNumber(side: 'right' | 'left'): Footer {
  const alignment = side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  // The number's own line, not the body's 22-line grid; one character in from the outside edge of the 版心.
  const indent = side === 'right' ? { right: ONE_CHAR_4 } : { left: ONE_CHAR_4 };
  return new Footer({ children: [new Paragraph({ alignment, indent, spacing: { line: 340, lineRule: 'exact' }, children: [run('— ', SONG, SIZE_4, false, false), new TextRun({ children: [PageNumber.CURRENT], font: SONG, size: SIZE_4, snapToGrid: false }), run(' —', SONG, SIZE_4, false, false)] })] });
}

export async function bulletinToDocx(content: BulletinContent, text: { foreword: string; remarks: string; draft: boolean }): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  if (text.draft) children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run('（草稿，未发布）', HEITI)] }));
  children.push(
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 2 * LINE_PITCH, lineRule: 'exact' }, children: [new TextRun({ text: '“双倍增”工作月通报', font: { eastAsia: XIAOBIAOSONG, ascii: XIAOBIAOSONG, hAnsi: XIAOBIAOSONG }, size: 72, color: 'C00000', snapToGrid: false })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(content.issue)] }),
    // The office at the left, the date against the right edge: one line however long the office's name.
    new Paragraph({ tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }], children: [run(`${content.office}\t${documentDate(content.date)}`)], border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 4 } } }),
    new Paragraph({ children: [] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: content.title, font: { eastAsia: XIAOBIAOSONG, ascii: XIAOBIAOSONG, hAnsi: XIAOBIAOSONG }, size: SIZE_2 })] }),
    new Paragraph({ children: [] }),
  );
  for (const p of text.foreword.split('\n').filter(Boolean)) children.push(body(p));
  for (const section of content.sections) {
    children.push(new Paragraph({ indent: { firstLine: 640 }, children: [run(section.title, HEITI)] }));
    for (const p of section.paragraphs) children.push(body(p));
    for (const t of section.tables) children.push(...tableOf(t));
  }
  for (const p of text.remarks.split('\n').filter(Boolean)) children.push(body(p));
  children.push(new Paragraph({ children: [] }), new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(content.office)] }), new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(documentDate(content.date))] }));

  const doc = new Document({
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: { eastAsia: FANGSONG, ascii: FANGSONG, hAnsi: FANGSONG }, size: SIZE_3 }, paragraph: { spacing: { line: LINE_PITCH, lineRule: 'exact' } } } } },
    sections: [
      {
        properties: {
          page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(22) } },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
