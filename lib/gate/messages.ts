// Pure: what the gate says when it refuses, in both languages, once for actions, routes and pages alike.
import { isDomainError } from '@/lib/errors';
import type { AppLocale } from '@/lib/i18n/locale';
import type { FieldErrors } from '@/lib/validation/parse';

export const gateMessages = {
  'zh-CN': {
    signIn: '登录已过期或未登录，请重新登录',
    /** A form keeps what was typed: the user is told so, or they would retype it. */
    signInKept: '登录已过期，请重新登录（已填写的内容未丢失）',
    pending: '请先修改密码并启用动态验证码（如要求），再进行此操作',
    invalidForm: '提交的内容有误，请按提示修改',
    invalidQuery: '请求参数有误',
    unexpected: '系统出错，请稍后重试。错误编号：',
    unavailable: '数据库暂时无法连接，本次操作未能确认完成。请稍候刷新页面，核对后重试（已填写的内容未丢失）。',
    forbiddenTitle: '403 无权访问',
    forbiddenPage: '您的角色无权查看本页。如需查看，请联系系统管理员分配相应角色。',
    back: '返回首页',
  },
  en: {
    signIn: 'Not signed in, or the session has expired; sign in again',
    signInKept: 'Your session has expired; sign in again (what you typed is kept)',
    pending: 'Change your password and enrol the second factor (if required) first',
    invalidForm: 'Please correct the highlighted fields',
    invalidQuery: 'The request parameters are not valid',
    unexpected: 'Something went wrong. Error id: ',
    unavailable: 'The database cannot be reached just now, so this could not be confirmed. Wait a moment, reload to check, and try again (what you typed is kept).',
    forbiddenTitle: '403 Forbidden',
    forbiddenPage: 'Your role may not see this page. Ask the system administrator for the role it needs.',
    back: 'Back to your home page',
  },
} as const satisfies Record<AppLocale, Record<string, string>>;

export type GateText = (typeof gateMessages)['en'];

export function domainErrorMessage(error: unknown, locale: AppLocale): string | null {
  if (!isDomainError(error)) return null;
  return locale === 'en' ? error.messageEn : error.message;
}

export function domainFieldErrors(error: unknown, locale: AppLocale): FieldErrors | undefined {
  if (!isDomainError(error) || !error.fields) return undefined;
  return Object.fromEntries(Object.entries(error.fields).map(([field, m]) => [field, locale === 'en' ? m.en : m.zh]));
}
