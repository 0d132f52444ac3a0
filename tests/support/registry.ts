// Synthetic bureau lists for registry tests and benchmarks: valid credit codes for area 500109, deterministic.
import { writeListWorkbook, type ListCell } from '@/lib/excel/write-list';
import { makeCreditCode } from '@/lib/registry/credit-code';

export function syntheticCode(n: number): string {
  return makeCreditCode('91', '500109', `MA${String(n).padStart(7, '0')}`);
}

export const HIGH_TECH_HEADERS = ['序号', '统一社会信用代码', '企业名称', '所属镇街', '所属园区', '证书编号', '发证日期'];

/** A 高新技术企业 list of `count` firms, certificates issued on days spread over 2023–2025. */
export function highTechRows(count: number, towns: string[], parks: string[], offset = 0): ListCell[][] {
  const rows: ListCell[][] = [];
  for (let i = 0; i < count; i += 1) {
    const n = i + offset;
    const day = new Date(Date.UTC(2023, 0, 1) + ((n * 37) % 1000) * 86_400_000);
    rows.push([i + 1, syntheticCode(n), `测试企业${n}有限公司`, towns[n % towns.length], n % 3 === 0 ? parks[n % parks.length] : null, `GR20${23 + (n % 3)}5000${String(n).padStart(4, '0')}`, day]);
  }
  return rows;
}

export function highTechWorkbook(count: number, towns: string[], parks: string[], offset = 0): Promise<Buffer> {
  return writeListWorkbook('高新技术企业名单', HIGH_TECH_HEADERS, highTechRows(count, towns, parks, offset));
}
