#!/bin/sh
# Stands in for Prisma's native schema engine, which cannot be downloaded offline. See prisma.config.ts.
echo "The native Prisma schema engine is not used in this project: use 'npm run migration:create' and 'npm run db:migrate'." >&2
exit 1
