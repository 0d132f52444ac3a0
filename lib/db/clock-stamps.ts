// Server only. Every timestamp the app writes comes from lib/clock.ts, so that APP_FIXED_NOW (the demo's and the
// browser tests' frozen time) holds in the database too. Prisma fills `@updatedAt` with the machine's time and the
// database fills `@default(now())` with its own; this client extension fills both from the clock instead, whenever a
// write does not set them itself (mutations that take a clock set them from it). tests/unit/clock-stamps.test.ts checks
// this list against prisma/schema.prisma.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { systemClock, type Clock } from '@/lib/clock';

/** Per model: fields stamped on create (`@default(now())` and `@updatedAt`) and on update (`@updatedAt`). */
export const CLOCK_STAMPS: Record<string, { create: string[]; update: string[] }> = {
  Plan: { create: ['loadedAt'], update: [] },
  IndicatorValue: { create: ['createdAt', 'updatedAt'], update: ['updatedAt'] },
  Submission: { create: ['createdAt', 'updatedAt'], update: ['updatedAt'] },
  TaskReport: { create: ['createdAt', 'updatedAt'], update: ['updatedAt'] },
  ValueEvent: { create: ['at'], update: [] },
  Reminder: { create: ['sentAt'], update: [] },
  ReminderReceipt: { create: ['seenAt'], update: [] },
  User: { create: ['passwordChangedAt', 'createdAt'], update: [] },
  Session: { create: ['createdAt', 'lastSeenAt'], update: [] },
  PasswordHistory: { create: ['createdAt'], update: [] },
  AuditLog: { create: ['at'], update: [] },
  AppSetting: { create: ['updatedAt'], update: ['updatedAt'] },
  Enterprise: { create: ['createdAt', 'updatedAt'], update: ['updatedAt'] },
  Qualification: { create: ['createdAt', 'updatedAt'], update: ['updatedAt'] },
  RegistryImportMapping: { create: ['updatedAt'], update: ['updatedAt'] },
  SupervisionItem: { create: ['updatedAt'], update: ['updatedAt'] },
  TargetShare: { create: ['createdAt', 'updatedAt'], update: ['updatedAt'] },
  RankingRule: { create: ['createdAt'], update: [] },
  Bulletin: { create: ['createdAt', 'updatedAt'], update: ['updatedAt'] },
  ApiClient: { create: ['createdAt'], update: [] },
  ApiIdempotency: { create: ['createdAt'], update: [] },
  HighTechCriteria: { create: ['createdAt'], update: [] },
};

type Data = Record<string, unknown>;

function stamp(data: unknown, fields: string[], now: Date): unknown {
  if (fields.length === 0 || data === null || typeof data !== 'object') return data;
  if (Array.isArray(data)) return data.map((d) => stamp(d, fields, now));
  const out: Data = { ...(data as Data) };
  for (const f of fields) if (out[f] === undefined) out[f] = now;
  return out;
}

export function clockStamps(clock: Clock = systemClock) {
  return Prisma.defineExtension({
    name: 'clock-stamps',
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const fields = CLOCK_STAMPS[model];
          if (!fields) return query(args);
          const a = args as Data;
          const now = clock();
          switch (operation) {
            case 'create':
            case 'createMany':
            case 'createManyAndReturn':
              return query({ ...a, data: stamp(a.data, fields.create, now) } as typeof args);
            case 'update':
            case 'updateMany':
            case 'updateManyAndReturn':
              return query({ ...a, data: stamp(a.data, fields.update, now) } as typeof args);
            case 'upsert':
              return query({ ...a, create: stamp(a.create, fields.create, now), update: stamp(a.update, fields.update, now) } as typeof args);
            default:
              return query(args);
          }
        },
      },
    },
  });
}
