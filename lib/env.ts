// Server only. The environment, parsed once at start-up: a bad value stops the process with a clear message.
import 'server-only';
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL (leave it unset for the embedded database)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PGLITE_DIR: z.string().min(1).default(path.join('.data', 'pglite')),
  APP_MODE: z.enum(['demo', 'production']).default('demo'),
  PLAN_FILE: z.string().min(1).default(path.join('prisma', 'plans', 'beibei-2023-2027.json')),
  APP_TIME_ZONE: z.string().min(1).default('Asia/Shanghai'),
  /** Freezes the clock (ISO date-time) for demos, screenshots and browser tests. */
  APP_FIXED_NOW: z.iso.datetime({ offset: true }).optional(),
  /** `1` serves the benchmark's baseline pages (/bench/*, see bench/); anything else answers 404 there. */
  APP_BENCH_PAGES: z.enum(['0', '1']).optional(),
  /** Hosts (host[:port], comma-separated) the sign-in pages may be served on when NEXTAUTH_URL is unset (production). */
  APP_ALLOWED_HOSTS: z.string().optional(),
  /** /api/v1 only: how many reverse proxies append to X-Forwarded-For in front of the app (docs/api.md); 0 = none trusted. */
  API_TRUSTED_PROXIES: z.coerce.number('API_TRUSTED_PROXIES must be a whole number 0–5').int().min(0).max(5).default(0),
  /** /api/v1 calls per client and minute when the client has no limit of its own. */
  API_RATE_LIMIT: z.coerce.number('API_RATE_LIMIT must be a whole number').int().min(1).max(100_000).optional(),
  NEXTAUTH_SECRET: z.string().min(32, 'NEXTAUTH_SECRET must be at least 32 characters').optional(),
  /** Outbound notices (docs/supervision.md): POSTed, HMAC-signed, to the district's own messaging gateway. */
  NOTICE_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'NOTICE_WEBHOOK_URL must be an http(s) URL' }).optional().or(z.literal('').transform(() => undefined)),
  NOTICE_WEBHOOK_SECRET: z.string().min(16, 'NOTICE_WEBHOOK_SECRET must be at least 16 characters').optional().or(z.literal('').transform(() => undefined)),
  /** The in-process notice sweep (due/overdue supervision notices, webhook retries); 0 = off (cron runs `npm run notices:sweep`). */
  NOTICE_SWEEP_INTERVAL_SECONDS: z.coerce.number({ error: 'NOTICE_SWEEP_INTERVAL_SECONDS must be a number of seconds' }).int().min(0).max(86_400).default(300),
}).refine((e) => !e.NOTICE_WEBHOOK_URL || e.NOTICE_WEBHOOK_SECRET, { message: 'NOTICE_WEBHOOK_SECRET is required with NOTICE_WEBHOOK_URL', path: ['NOTICE_WEBHOOK_SECRET'] });

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
