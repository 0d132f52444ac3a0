// Issue 9 item 19: a second server on an embedded database folder that another live process holds must stop with a
// non-zero status and the clear message, not keep listening and answer 500.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';

test('a second server on a folder in use exits non-zero, naming the process that holds it', async () => {
  const root = path.resolve(__dirname, '../..');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beibei-second-'));
  const dataDir = path.join(dir, 'db');
  // This test process is alive: it plays the first server holding the folder.
  fs.writeFileSync(`${dataDir}.lock`, String(process.pid));
  const port = Number(process.env.E2E_PORT ?? 3077) + 50;
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: dataDir, NEXTAUTH_SECRET: 'e2e-secret-0123456789abcdefghijklmnopqrstuv', NEXT_TELEMETRY_DISABLED: '1' };
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  const exit = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      server.kill('SIGKILL');
      resolve(null);
    }, 60_000);
    server.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  fs.rmSync(dir, { recursive: true, force: true });
  expect(output).toContain(`is in use by process ${process.pid}`);
  expect(exit, 'the server went on running for a minute').not.toBeNull();
  expect(exit).not.toBe(0);
}, 90_000);
