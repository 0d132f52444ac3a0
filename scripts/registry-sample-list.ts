// npx tsx scripts/registry-sample-list.ts <rows> <out.xlsx>: a synthetic 高新技术企业 list (valid credit codes for
// area 500109, the plan's towns and parks) for the import benchmark and the kill test.
import fs from 'node:fs';
import path from 'node:path';
import { writeListWorkbook } from '@/lib/excel/write-list';
import { readPlanFile } from '@/lib/plan/read-plan-file';
import { makeCreditCode } from '@/lib/registry/credit-code';

async function main() {
  const [countArg, out] = process.argv.slice(2);
  const count = Number(countArg);
  if (!Number.isInteger(count) || count < 1 || !out) throw new Error('Usage: tsx scripts/registry-sample-list.ts <rows> <out.xlsx>');
  const plan = readPlanFile(path.join(__dirname, '..', 'prisma', 'plans', 'beibei-2023-2027.json'));
  const towns = plan.units.filter((u) => u.kind === 'town').map((u) => u.name);
  const parks = plan.units.filter((u) => u.kind === 'park').map((u) => u.name);
  function* rows() {
    for (let n = 0; n < count; n += 1) {
      const day = new Date(Date.UTC(2023, 0, 1) + ((n * 37) % 1000) * 86_400_000);
      yield [n + 1, makeCreditCode('91', '500109', `MA${String(n).padStart(7, '0')}`), `基准测试企业${n}有限公司`, towns[n % towns.length], n % 3 === 0 ? parks[n % parks.length] : null, `GR2023500${String(n).padStart(5, '0')}`, day];
    }
  }
  const bytes = await writeListWorkbook('高新技术企业名单', ['序号', '统一社会信用代码', '企业名称', '所属镇街', '所属园区', '证书编号', '发证日期'], rows());
  fs.writeFileSync(out, bytes);
  console.log(`${out}: ${count} rows, ${bytes.length} bytes`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
