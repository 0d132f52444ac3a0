// npm start: builds once if needed, makes a session secret for a zero-setup start, then runs `next start`.
// Migrations, plan loading and demo data happen inside the server (instrumentation.ts), in the one process that
// owns the embedded database.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

if (!env.NEXTAUTH_SECRET) {
  if (env.APP_MODE === 'production') {
    console.error('NEXTAUTH_SECRET must be set in production (at least 32 random characters).');
    process.exit(1);
  }
  const secretFile = path.join(root, '.data', 'nextauth-secret');
  if (!fs.existsSync(secretFile)) {
    fs.mkdirSync(path.dirname(secretFile), { recursive: true });
    fs.writeFileSync(secretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  env.NEXTAUTH_SECRET = fs.readFileSync(secretFile, 'utf8').trim();
}

// Without NEXTAUTH_URL the sign-in pages answer only on the hosts listed (app/api/auth/[...nextauth]/route.ts).
if (env.APP_MODE === 'production' && !env.NEXTAUTH_URL && !env.APP_ALLOWED_HOSTS) {
  console.error('In production set NEXTAUTH_URL (e.g. https://sbz.beibei.gov.cn) or APP_ALLOWED_HOSTS (host[:port], comma-separated).');
  process.exit(1);
}

if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.log('[start] no production build yet: running next build (about a minute)…');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, [nextBin, 'start', ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
