// npm run db:migrate: applies pending migrations to the configured database (the server also does this on start).
import { closeDb, getDatabaseHandle } from '@/lib/db/client';

getDatabaseHandle()
  .then((handle) => console.log(`${handle.description}: migrations applied`))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(closeDb);
