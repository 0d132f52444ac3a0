// Pure (no database): the Excel template of a unit's month, built from the form DTO. What the user may fill is the
// value and comment columns (and task progress); hidden columns carry each row's key and the version it was
// downloaded at, and a very hidden sheet names the unit and month, so that an upload can be matched exactly.
import ExcelJS from 'exceljs';
import { neutralise } from '@/lib/excel/export';
import type { ReportFormDto } from '@/lib/queries/reporting/form';

export const TEMPLATE_ID = 'beibei-monthly-report';
export const TEMPLATE_VERSION = 1;
export const VALUES_SHEET = '数据填报';
export const TASKS_SHEET = '任务进展';
export const META_SHEET = '_meta';

/** 1-based columns of the values sheet. */
export const VALUE_COLUMNS = { indicator: 1, subject: 2, period: 3, stage: 4, unit: 5, previous: 6, value: 7, comment: 8, target2025: 9, target2027: 10, status: 11, returnReason: 12, key: 13, version: 14 } as const;
/** 1-based columns of the tasks sheet. */
export const TASK_COLUMNS = { no: 1, title: 2, role: 3, progress: 4, text: 5, previous: 6, status: 7, returnReason: 8, taskId: 9, version: 10 } as const;

export const progressLabels = { on_track: '按计划推进', behind: '滞后', done: '已完成' } as const;
const statusLabels = { draft: '草稿', submitted: '已报送', returned: '已退回', approved: '已审核（锁定）' } as const;
const stageLabels = { final: '正式数', provisional: '快报数' } as const;

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } };
const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };

function valueValidation(unit: string, decimals: number): ExcelJS.DataValidation {
  const isRank = unit === '位';
  const max = unit === '%' ? 100 : 1e15;
  const min = isRank ? 1 : 0;
  const rule = decimals === 0 ? `${isRank ? '不小于 1 的' : '非负'}整数` : `非负数，最多 ${decimals} 位小数`;
  return {
    type: decimals === 0 ? 'whole' : 'decimal',
    operator: 'between',
    formulae: [min, max],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '数值不符合要求',
    error: `请填写${rule}${unit === '%' ? '（0–100）' : ''}`,
  };
}

export async function buildTemplate(form: ReportFormDto): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'beibei-double-doubling';

  const values = workbook.addWorksheet(VALUES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  values.addRow(['指标', '对象单位', '期间', '口径', '计量单位', '上期值', '本期值', '说明（触发提示时必填）', '2025年目标', '2027年目标', '状态', '退回原因', 'key', 'version']);
  values.getRow(1).font = { bold: true };
  for (const ind of form.indicators) {
    const target = (year: number) => ind.milestones.find((m) => m.year === year)?.text ?? null;
    for (const item of ind.items) {
      const row = values.addRow([
        neutralise(ind.name),
        neutralise(item.subject.name),
        item.period,
        stageLabels[item.stage],
        ind.unit,
        item.previous?.value ?? null,
        item.current ? Number(item.current.text) : null,
        neutralise(item.current?.comment ?? null),
        target(2025),
        target(2027),
        ind.registryCounted ? `企业库计数，勿填${item.current ? `（${statusLabels[item.current.status]}）` : ''}` : item.current ? statusLabels[item.current.status] : item.required ? '待填报' : '选填',
        neutralise(item.current?.returnReason ?? null),
        item.key,
        item.current?.version ?? 0,
      ]);
      const valueCell = row.getCell(VALUE_COLUMNS.value);
      valueCell.dataValidation = valueValidation(ind.unit, ind.decimals);
      valueCell.numFmt = ind.decimals === 0 ? '0' : `0.${'0'.repeat(ind.decimals)}`;
      for (const col of [VALUE_COLUMNS.value, VALUE_COLUMNS.comment]) row.getCell(col).fill = item.editable && !ind.registryCounted ? INPUT_FILL : LOCKED_FILL;
    }
  }
  values.getColumn(VALUE_COLUMNS.key).hidden = true;
  values.getColumn(VALUE_COLUMNS.version).hidden = true;
  [28, 16, 9, 8, 8, 10, 12, 30, 14, 14, 12, 24].forEach((w, i) => (values.getColumn(i + 1).width = w));

  const tasks = workbook.addWorksheet(TASKS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  tasks.addRow(['任务', '任务名称', '角色', '推进状态（牵头单位必填）', '本月进展情况（牵头）/ 备注（责任单位）', '上月进展', '状态', '退回原因', 'taskId', 'version']);
  tasks.getRow(1).font = { bold: true };
  for (const task of form.tasks) {
    const text = task.role === 'lead' ? task.current?.narrative : task.current?.note;
    const previous = task.role === 'lead' ? task.previous?.narrative : task.previous?.note;
    const row = tasks.addRow([
      task.no,
      neutralise(task.title),
      task.role === 'lead' ? '牵头' : '责任',
      task.current?.progress ? progressLabels[task.current.progress] : null,
      neutralise(text ?? null),
      neutralise(previous ?? null),
      task.current ? statusLabels[task.current.status] : task.required ? '待填报' : '选填',
      neutralise(task.current?.returnReason ?? null),
      task.id,
      task.current?.version ?? 0,
    ]);
    if (task.role === 'lead') {
      row.getCell(TASK_COLUMNS.progress).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${Object.values(progressLabels).join(',')}"`],
        showErrorMessage: true,
        errorTitle: '推进状态',
        error: '请选择：按计划推进、滞后、已完成',
      };
    }
    row.getCell(TASK_COLUMNS.text).alignment = { wrapText: true, vertical: 'top' };
    for (const col of task.role === 'lead' ? [TASK_COLUMNS.progress, TASK_COLUMNS.text] : [TASK_COLUMNS.text]) row.getCell(col).fill = task.editable ? INPUT_FILL : LOCKED_FILL;
  }
  tasks.getColumn(TASK_COLUMNS.taskId).hidden = true;
  tasks.getColumn(TASK_COLUMNS.version).hidden = true;
  [6, 30, 6, 14, 60, 40, 12, 24].forEach((w, i) => (tasks.getColumn(i + 1).width = w));

  const meta = workbook.addWorksheet(META_SHEET);
  meta.state = 'veryHidden';
  meta.addRows([
    ['template', TEMPLATE_ID],
    ['version', TEMPLATE_VERSION],
    ['planId', form.planId],
    ['unitId', form.unit.id],
    ['month', form.month],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
