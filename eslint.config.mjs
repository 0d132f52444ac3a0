import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Links go through components/ui/link.tsx (no prefetch: see there).
const nextLink = { name: 'next/link', message: "Use { Link } from '@/components/ui/link': it does not prefetch." };

const dataLayer = ['@/lib/db/*', '@/lib/generated/*', '@/lib/queries/*', '@/lib/mutations/*', '**/lib/db/**', '**/generated/prisma/**'];

const config = [
  { ignores: ['.next/**', '.next-*/**', 'test-results/**', 'bench/results/**', 'node_modules/**', 'lib/generated/**', '.data/**', 'next-env.d.ts', 'coverage/**'] },
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Layering (shared/STYLE.md): only the data layer touches Prisma. Pages compose queries; components only draw.
  // Route handlers included: app/api answers through lib/gate and the data layer, like pages.
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [nextLink],
          patterns: [
            { group: ['@/lib/db/*', '**/lib/db/**', '@/lib/generated/*', '**/generated/prisma/**', '@prisma/*', 'pg', '@electric-sql/*'], message: 'Pages read through lib/queries and write through lib/actions; never Prisma directly.' },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    ignores: ['components/ui/link.tsx'],
    // typescript-eslint's version of the rule: a component may name the type of the DTO it draws, never import a value.
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [nextLink],
          patterns: [
            { group: dataLayer, allowTypeImports: true, message: 'Components only draw what they are given: no database, queries or mutations (type imports are fine).' },
            { group: ['@prisma/*', 'pg', '@electric-sql/*'], message: 'Components never touch the database.' },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    // lib/startup.ts is the composition root of a server start, like scripts/.
    ignores: ['lib/db/**', 'lib/queries/**', 'lib/mutations/**', 'lib/audit.ts', 'lib/generated/**', 'lib/auth/**', 'lib/startup.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/lib/db/*', '**/lib/db/**', '@prisma/*', 'pg', '@electric-sql/*'], message: 'Only lib/queries and lib/mutations open the database.' },
            { group: ['@/lib/generated/prisma/client', '**/generated/prisma/client'], message: 'Only the data layer uses the Prisma client; import enums from @/lib/generated/prisma/enums.' },
          ],
        },
      ],
    },
  },
  // next.config.js is CommonJS by Next's convention.
  { files: ['next.config.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
];

export default config;
