// Pure: the filters of the supervision list and its export (query parameters), strict like every input.
import { z } from 'zod';

const optionalId = z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number({ error: 'validation.number' }).int('validation.number').min(1, 'validation.number').max(2_147_483_647, 'validation.number').optional());

export const supervisionStates = ['open', 'answered', 'returned', 'closed'] as const;

export const supervisionFilterSchema = z
  .object({
    state: z.preprocess((v) => (v === '' ? undefined : v), z.enum([...supervisionStates, 'overdue'], 'validation.filterText').optional()),
    unitId: optionalId,
    raisedById: optionalId,
    dueMonth: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.month').optional()),
  })
  .strict();
export type SupervisionFilter = z.output<typeof supervisionFilterSchema>;

export const supervisionExportSchema = supervisionFilterSchema.extend({ format: z.enum(['xlsx', 'csv'], 'validation.filterText').default('xlsx') }).strict();
