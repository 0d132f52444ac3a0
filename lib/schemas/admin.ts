// Pure: input schemas of the admin screens (accounts, roles, security policy, audit log), shared by forms, server
// actions and the audit export route. `.strict()` everywhere: no role, unit or version can ride along uninvited.
// Messages are keys of the `validation` namespace, shown in the user's language by parseInput.
import { z } from 'zod';
import { securityPolicySchema } from '@/lib/auth/password-policy';
import { allRoles, isValidRoleSet } from '@/lib/permissions';
import { isStorableText, STORABLE_TEXT_MESSAGE } from '@/lib/schemas/text';

const MAX_INT = 2_147_483_647;

const idField = z.coerce.number({ error: 'validation.number' }).int('validation.number').min(1, 'validation.number').max(MAX_INT, 'validation.number');
/** The version of the row the admin saw: a stale one is refused as "changed by someone else". */
const versionField = z.coerce.number({ error: 'validation.number' }).int('validation.number').min(0, 'validation.number').max(MAX_INT, 'validation.number');
const reasonField = z.string('validation.reasonRequired').trim().min(2, 'validation.reasonRequired').max(500, 'validation.reasonTooLong').refine(isStorableText, STORABLE_TEXT_MESSAGE);
/** Checked against the policy by the domain function, which knows the policy and the username. */
const temporaryPasswordField = z.string('validation.required').min(1, 'validation.required').max(256, 'validation.passwordTooLong');

/** Letters, digits and . _ - (case-insensitive, stored lower case): easy to type on any keyboard and in any log. */
export const usernameField = z
  .string('validation.required')
  .trim()
  .min(1, { message: 'validation.required', abort: true })
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]{2,31}$/, 'validation.username')
  .transform((v) => v.toLowerCase());

/** "" (no unit) or a unit id. */
const unitField = z.preprocess((v) => (v === '' || v === undefined ? null : v), idField.nullable());

export const createUserSchema = z
  .object({
    username: usernameField,
    displayName: z.string('validation.required').trim().min(1, 'validation.required').max(50, 'validation.displayNameTooLong').refine(isStorableText, STORABLE_TEXT_MESSAGE),
    unitId: unitField,
    temporaryPassword: temporaryPasswordField,
  })
  .strict();
export type CreateUserFormInput = z.infer<typeof createUserSchema>;

export const assignUnitSchema = z.object({ userId: idField, version: versionField, unitId: unitField }).strict();

export const setUserDisabledSchema = z
  .object({
    userId: idField,
    version: versionField,
    disabled: z.enum(['true', 'false'], 'validation.required').transform((v) => v === 'true'),
    reason: reasonField,
  })
  .strict();

export const resetPasswordSchema = z.object({ userId: idField, version: versionField, temporaryPassword: temporaryPasswordField }).strict();

/** Checkboxes: none ticked sends nothing, one sends a string, several an array. */
const roleList = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(allRoles, 'validation.role')).max(allRoles.length, 'validation.role'),
);

export const assignRolesSchema = z
  .object({
    userId: idField,
    version: versionField,
    roles: roleList.refine((roles) => roles.length === 0 || isValidRoleSet(roles), 'validation.roleSet'),
  })
  .strict();

export const terminateSessionsSchema = z.object({ userId: idField, reason: reasonField }).strict();

export const resetSecondFactorSchema = z.object({ userId: idField, version: versionField, reason: reasonField }).strict();

export const securityPolicyFormSchema = z.object({ ...securityPolicySchema.shape, version: versionField }).strict();

// ── The audit log filter (search params of the page, query of the export) ───────────────────────────────────

const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** Empty form fields arrive as ""; a repeated search param as an array: both are unwelcome here. */
const optionalText = (max: number, pattern?: RegExp, message = 'validation.filterText') =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    (pattern ? z.string(message).trim().max(max, message).regex(pattern, message) : z.string(message).trim().max(max, message)).optional(),
  );

/** A calendar day in Beijing time (the plan's time zone): `from` starts at its midnight, `to` includes the whole day. */
const dayField = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z
    .string('validation.date')
    .regex(DATE_RE, { message: 'validation.date', abort: true })
    // JavaScript rolls 2026-02-31 over into March; a real day survives the round trip. (Zod runs this check even
    // after the pattern failed, so it must not throw on garbage.)
    .refine((v) => DATE_RE.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'validation.date')
    .optional(),
);

function startOfDay(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

const auditFilterShape = {
  event: optionalText(64, /^[a-zA-Z0-9._-]*$/),
  actor: optionalText(64),
  result: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['success', 'failure'], 'validation.filterText').optional()),
  from: dayField,
  to: dayField,
};

function toFilter<T extends { event?: string; actor?: string; result?: 'success' | 'failure'; from?: string; to?: string }>(v: T) {
  return {
    event: v.event || undefined,
    actor: v.actor || undefined,
    result: v.result,
    from: v.from ? startOfDay(v.from) : undefined,
    to: v.to ? new Date(startOfDay(v.to).getTime() + 86_400_000) : undefined,
  };
}

const dateOrder = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to;

/** The export: the same filter without paging. */
export const auditExportSchema = z
  .object(auditFilterShape)
  .strict()
  .refine(dateOrder, { path: ['to'], message: 'validation.dateOrder' })
  .transform(toFilter);

export const auditFilterSchema = z
  .object({ ...auditFilterShape, page: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number('validation.number').int('validation.number').min(1, 'validation.number').max(100_000, 'validation.number').optional()) })
  .strict()
  .refine(dateOrder, { path: ['to'], message: 'validation.dateOrder' })
  .transform((v) => ({ ...toFilter(v), page: v.page ?? 1 }));

export type AuditFilterInput = z.output<typeof auditFilterSchema>;
