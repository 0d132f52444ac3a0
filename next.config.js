// Next.js configuration. Nothing here may fetch from the internet: the app runs on closed government intranets.
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A second build folder lets two builds (say, a benchmark and a browser test) run side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', '@node-rs/argon2', 'exceljs'],
  // Type-checking is its own CI step (`npm run typecheck`, which also covers tests and scripts); not done twice.
  typescript: { ignoreBuildErrors: true },
  // The Excel import posts a template of at most 2 MB (lib/excel/parse.ts) through a server action; the default is 1 MB.
  experimental: { serverActions: { bodySizeLimit: '3mb' } },
  // On every response, API routes and static files included (the CSP with its nonce is set in proxy.ts).
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
      { source: '/api/:path*', headers: [{ key: 'Cache-Control', value: 'no-store' }] },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
