// Pure (no database): a 月通报 as a .docx laid out as a 公文 (GB/T 9704-2012): A4, 版心 156 × 225 mm (top 37 mm,
// left 28 mm), title in 小标宋 2号, body in 仿宋_GB2312 3号 on a grid of 28 lines × 28 characters, first-level
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
// 225 mm of 版心 height / 28 lines; 156 mm / 28 characters at 16 pt (charSpace in 1/4096 pt beyond the font size).
const LINE_PITCH = Math.round((225 / 25.4) * 72 * 20 / 28);
const CHAR_SPACE = Math.round(((156 / 25.4) * 72 / 28 - 16) * 4096);

const run = (text: string, font = FANGSONG, size = SIZE_3, bold = false) => new TextRun({ text, font: { eastAsia: font, ascii: font, hAnsi: font }, size, bold });

function body(text: string): Paragraph {
  return new Paragraph({ children: [run(text)], indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED });
}

function tableOf(table: BulletinTable): (Paragraph | Table)[] {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, bold = false) =>
    new TableCell({ borders, children: [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 240 }, children: [run(text, FANGSONG, SIZE_TABLE, bold)] })] });
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(table.title, HEITI, SIZE_TABLE)] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
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
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
        },
        footers: { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
