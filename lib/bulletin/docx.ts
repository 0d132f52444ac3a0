// Pure (no database): a 月通报 as a .docx laid out as a 公文 (GB/T 9704-2012): A4, 版心 156 × 225 mm (top 37 mm,
// left 28 mm), title in 小标宋 2号, body in 仿宋_GB2312 3号, 28 lines of 28 characters a page, first-level
// headings in 黑体, page numbers "— 1 —" in 宋体 4号 (odd pages right, even pages left).
import { AlignmentType, Document, DocumentGridType, Footer, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, BorderStyle } from 'docx';
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
// 225 mm of 版心 height / 28 lines.
const LINE_PITCH = Math.round((225 / 25.4) * 72 * 20 / 28);
// No character grid: 3号 characters across the 156 mm 版心 make 27.6, i.e. 28 a line with the usual punctuation
// squeeze, and LibreOffice widens text on a character grid far beyond Word's reading of it.
const TEXT_WIDTH = mm(156);
/** Wide text columns (names, milestones, reasons) get more room than figures. */
const WIDE = new Set(['指标', '任务', '单位名称', '阶段目标', '滞后原因']);
const MEDIUM = new Set(['本期数']);

const run = (text: string, font = FANGSONG, size = SIZE_3, bold = false) => new TextRun({ text, font: { eastAsia: font, ascii: font, hAnsi: font }, size, bold });

function body(text: string): Paragraph {
  return new Paragraph({ children: [run(text)], indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED });
}

function tableOf(table: BulletinTable): (Paragraph | Table)[] {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, bold = false) =>
    // Exact line spacing: table text is smaller than the body and must not snap to the body's 28-line grid.
    new TableCell({ borders, children: [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 300, lineRule: 'exact' }, children: [run(text, FANGSONG, SIZE_TABLE, bold)] })] });
  const weights = table.columns.map((c, i) => (WIDE.has(c) || (i === 0 && table.columns.length <= 4) ? 2.5 : i === 0 ? 2 : MEDIUM.has(c) ? 1.6 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const columnWidths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [run(table.title, HEITI, SIZE_TABLE)] }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths,
      rows: [
        new TableRow({ tableHeader: true, children: table.columns.map((c) => cell(c, true)) }),
        ...table.rows.map((row) => new TableRow({ children: row.map((v) => cell(v === null ? '—' : String(v))) })),
      ],
    }),
  ];
}

function pageNumber(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
  return new Footer({ children: [new Paragraph({ alignment, children: [run('— ', SONG, SIZE_4), new TextRun({ children: [PageNumber.CURRENT], font: SONG, size: SIZE_4 }), run(' —', SONG, SIZE_4)] })] });
}

export async function bulletinToDocx(content: BulletinContent, text: { foreword: string; remarks: string; draft: boolean }): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  if (text.draft) children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run('（草稿，未发布）', HEITI)] }));
  children.push(
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '“双倍增”工作月通报', font: { eastAsia: XIAOBIAOSONG, ascii: XIAOBIAOSONG, hAnsi: XIAOBIAOSONG }, size: 72, color: 'C00000' })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(content.issue)] }),
    new Paragraph({ children: [run(`${content.office}\u3000\u3000\u3000\u3000${content.date}`)], border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 4 } } }),
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
  children.push(new Paragraph({ children: [] }), new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(content.office)] }), new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(content.date)] }));

  const doc = new Document({
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: { eastAsia: FANGSONG, ascii: FANGSONG, hAnsi: FANGSONG }, size: SIZE_3 }, paragraph: { spacing: { line: LINE_PITCH, lineRule: 'exact' } } } } },
    sections: [
      {
        properties: {
          page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(21) } },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
