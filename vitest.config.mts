import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));
// `server-only` throws outside a React Server Components bundle; under Vitest the server modules are plain Node code.
const resolve = { alias: { '@': root, 'server-only': path.join(root, 'tests/support/server-only.ts') } };

// Two projects: `npm run test:unit` runs only the first (no database, every core); `npm test` runs both.
export default defineConfig({
  resolve,
  test: {
    reporters: ['default', './tests/support/plain-summary-reporter.ts'],
    projects: [
      {
        resolve,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'], sequence: { groupOrder: 0 } },
      },
      {
        resolve,
        test: {
          name: 'integration',
          // Runs after the unit project: the two have different worker limits, which Vitest only allows in separate groups.
          sequence: { groupOrder: 1 },
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: each integration file opens its own database; more workers only contend.
          maxWorkers: 2,
        },
      },
    ],
  },
});
