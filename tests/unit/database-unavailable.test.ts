// The shapes below are the errors seen in `npm run test:faults` (PostgreSQL stopped and started under load).
import { expect, test } from 'vitest';
import { ConflictError, isDatabaseUnavailable } from '@/lib/errors';

const prismaWrapped = (cause: Record<string, unknown>) =>
  Object.assign(new Error('Database error.'), { name: 'PrismaClientKnownRequestError', code: 'P2039', meta: { driverAdapterError: { name: 'DriverAdapterError', cause } } });

test.each([
  ['server shutting down, wrapped by Prisma', prismaWrapped({ originalCode: '57P01', kind: 'postgres', code: '57P01' }), true],
  ['server not reachable, wrapped by Prisma', prismaWrapped({ kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 }), true],
  ['starting up (57P03) from pg', Object.assign(new Error('the database system is starting up'), { code: '57P03' }), true],
  ['connection refused', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), true],
  ['a broken pooled connection reused', new Error('Client has encountered a connection error and is not queryable'), true],
  ['a cause chain', new Error('outer', { cause: Object.assign(new Error('inner'), { code: '08006' }) }), true],
  ['a unique violation', Object.assign(new Error('unique'), { code: 'P2002' }), false],
  ['a check violation from the database', prismaWrapped({ originalCode: '23514', kind: 'postgres', code: '23514' }), false],
  ['a domain error', new ConflictError(), false],
  ['a plain bug', new TypeError('x is undefined'), false],
  ['not an error', 'ECONNREFUSED', false],
])('%s → %s', (_name, error, expected) => {
  expect(isDatabaseUnavailable(error)).toBe(expected);
});
