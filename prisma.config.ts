// Prisma CLI configuration. The schema engine binary is never downloaded: offline intranets have only an npm mirror.
import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Any existing file stops the CLI from fetching its native engine; `generate`, `validate` and `format` need no engine.
// Migrations are created with scripts/create-migration.ts (WASM engine) and applied by lib/db/migrate.ts.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, 'prisma', 'engine-stub.sh');

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
});
