// Pure: the system admin's forms for API clients (create, revoke). `.strict()`: no token hash, revocation date or
// version can ride along uninvited. Messages are keys of the `validation` namespace.
import { z } from 'zod';
import { isAddressRule } from '@/lib/api/address';
import { apiScopes, type ApiScope } from '@/lib/api/scope';
import { isStorableText, STORABLE_TEXT_MESSAGE } from '@/lib/schemas/text';

const MAX_INT = 2_147_483_647;
const many = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);
// Lists are checked as a whole, so that a bad entry is reported on the form field (`unitIds`), not on `unitIds.3`.
const isId = (v: unknown) => (typeof v === 'string' || typeof v === 'number') && /^[1-9]\d{0,9}$/.test(String(v)) && Number(v) <= MAX_INT;
const idList = z.preprocess(
  many,
  z
    .array(z.unknown(), 'validation.apiIds')
    .max(500, 'validation.apiIds')
    .refine((list) => list.every(isId), 'validation.apiIds')
    .transform((list) => list.map(Number)),
);
const isScope = (v: unknown): v is ApiScope => typeof v === 'string' && (apiScopes as readonly string[]).includes(v);

export const createApiClientSchema = z
  .object({
    name: z.string('validation.apiClientName').trim().min(2, 'validation.apiClientName').max(60, 'validation.apiClientName').refine(isStorableText, STORABLE_TEXT_MESSAGE),
    scopes: z.preprocess(
      many,
      z
        .array(z.unknown(), 'validation.apiScopes')
        .min(1, 'validation.apiScopes')
        .max(3, 'validation.apiScopes')
        .refine((list) => list.every(isScope) && new Set(list).size === list.length, 'validation.apiScopes')
        .transform((list) => list as ApiScope[]),
    ),
    unitIds: idList,
    indicatorIds: idList,
    allowedIps: z.preprocess(
      (v) => (typeof v === 'string' ? v.split(/[\s,，]+/).map((s) => s.trim()).filter(Boolean) : v),
      z
        .array(z.unknown(), 'validation.apiIps')
        .max(20, 'validation.apiIps')
        .refine((list) => list.every((r) => typeof r === 'string' && r.length <= 60 && isAddressRule(r)), 'validation.apiIps')
        .transform((list) => list as string[]),
    ),
    expiresOn: z.string('validation.apiExpires').regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.apiExpires'),
    rateLimitPerMinute: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number({ error: 'validation.apiRate' }).int('validation.apiRate').min(1, 'validation.apiRate').max(10_000, 'validation.apiRate').nullable()),
  })
  .strict()
  .refine((c) => !c.scopes.includes('report') || (c.unitIds.length > 0 && c.indicatorIds.length > 0), { message: 'validation.apiReportScope', path: ['scopes'] });
export type CreateApiClientInput = z.output<typeof createApiClientSchema>;

export const revokeApiClientSchema = z
  .object({
    clientId: z.coerce.number({ error: 'validation.number' }).int('validation.number').min(1, 'validation.number').max(MAX_INT, 'validation.number'),
    version: z.coerce.number({ error: 'validation.number' }).int('validation.number').min(0, 'validation.number').max(MAX_INT, 'validation.number'),
  })
  .strict();
export type RevokeApiClientInput = z.output<typeof revokeApiClientSchema>;
