// Next.js configuration. Nothing here may fetch from the internet: the app runs on closed government intranets.
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', '@node-rs/argon2', 'exceljs'],
  // Type-checking is its own CI step (`npm run typecheck`, which also covers tests and scripts); not done twice.
  typescript: { ignoreBuildErrors: true },
};

module.exports = withNextIntl(nextConfig);
