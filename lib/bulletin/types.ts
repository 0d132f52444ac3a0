// Pure: the shape of a 月通报, as stored when it is published (Bulletin.content) and as every renderer (page, .docx,
// .xlsx) reads it. Everything is plain JSON; the text is the 通报's own language (Chinese), whatever the UI locale.
import type { Month } from '@/lib/periods';

export type Cell = string | number | null;

export interface BulletinTable {
  title: string;
  columns: string[];
  rows: Cell[][];
}

export interface BulletinSection {
  /** Stable key: headline, structure, race, tasks, discipline, supervision. */
  key: string;
  title: string;
  paragraphs: string[];
  tables: BulletinTable[];
}

/** One number the bulletin states, and where it comes from: an approved figure of a unit for a month. */
export interface FigureRef {
  code: string;
  indicatorName: string;
  unitId: number;
  unitName: string;
  month: Month;
  value: number;
  /** Derived from other figures (a computed indicator), not stored as such. */
  derived: boolean;
}

/** A figure a previous published bulletin stated that has since been corrected. */
export interface Correction {
  issue: string;
  indicatorName: string;
  unitName: string;
  month: Month;
  published: number;
  /** null: the figure is no longer approved (unlocked and not yet approved again). */
  current: number | null;
}

export interface BulletinContent {
  month: Month;
  title: string;
  office: string;
  /** 2026年第10期 */
  issue: string;
  /** 'YYYY-MM-DD' (CST): the day it was generated, or published. */
  date: string;
  ruleNo: number;
  sections: BulletinSection[];
  corrections: Correction[];
  figures: FigureRef[];
}

export const BULLETIN_OFFICE = '区“双倍增”工作推进专班办公室';
