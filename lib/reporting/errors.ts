// Pure: reporting's own expected errors, on top of lib/errors. Field errors are message keys of the `validation`
// namespace keyed by field path (`values.<itemKey>.value`, `tasks.12.narrative`, `file`, `rows.7`); they are also
// carried translated (DomainError.fields) so that an action shows each next to its field in the user's language.
import { ConflictError, DomainError, type FieldMessages } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import zhValidation from '@/lib/i18n/messages/zh-CN/validation.json';
import enValidation from '@/lib/i18n/messages/en/validation.json';

const zh: Record<string, string> = zhValidation;
const en: Record<string, string> = enValidation;

function translate(key: string, table: Record<string, string>): string {
  return key.startsWith('validation.') ? (table[key.slice('validation.'.length)] ?? key) : key;
}

export function translateFieldErrors(fieldErrors: Record<string, string[]>): FieldMessages {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, keys]) => [field, { zh: keys.map((k) => translate(k, zh)), en: keys.map((k) => translate(k, en)) }]),
  );
}

export class ReportValidationError extends DomainError {
  constructor(
    readonly fieldErrors: Record<string, string[]>,
    message = '填报内容有误，请按提示修改',
    messageEn = 'Please correct the highlighted fields',
  ) {
    super(message, messageEn, translateFieldErrors(fieldErrors));
  }
}

export interface ConflictDetail {
  /** Field path: `values.<itemKey>.value`, `tasks.<id>.narrative`, or `submission`. */
  field: string;
  changedBy: string | null;
  changedAt: Date | null;
}

/** Someone else changed what the user started from: "changed by X at T", per field. */
export class StaleVersionError extends ConflictError {
  constructor(
    readonly conflicts: ConflictDetail[],
    message?: string,
    messageEn?: string,
  ) {
    super(message, messageEn);
    Object.defineProperty(this, 'fields', { value: conflictFields(conflicts), enumerable: true });
  }
}

function describe(detail: ConflictDetail): { zh: string; en: string } {
  if (!detail.changedBy || !detail.changedAt) return { zh: translate('validation.stale', zh), en: translate('validation.stale', en) };
  return {
    zh: `已被 ${detail.changedBy} 于 ${formatDateTime(detail.changedAt, 'zh-CN')} 修改，请刷新后重试`,
    en: `Changed by ${detail.changedBy} at ${formatDateTime(detail.changedAt, 'en')}; reload and try again`,
  };
}

function conflictFields(conflicts: ConflictDetail[]): FieldMessages {
  return Object.fromEntries(conflicts.map((c) => [c.field, { zh: [describe(c).zh], en: [describe(c).en] }]));
}

export function staleVersionError(conflicts: ConflictDetail[]): StaleVersionError {
  const first = conflicts[0];
  if (!first) return new StaleVersionError(conflicts);
  const text = describe(first);
  const more = conflicts.length > 1 ? `（共 ${conflicts.length} 项）` : '';
  const moreEn = conflicts.length > 1 ? ` (${conflicts.length} fields)` : '';
  return new StaleVersionError(conflicts, text.zh.replace('，请刷新后重试', `${more}，请刷新后重试`), text.en.replace(';', `${moreEn};`));
}
