// The benchmarks' view into a server's heap: a Chrome DevTools Protocol session with a process started with
// `--inspect=127.0.0.1:<port>` (the bench's own server only, never a production start). It forces a full garbage
// collection and reads the heap used after it, which RSS cannot tell (V8 keeps freed pages while memory is plentiful),
// and writes heap snapshots for comparing what the heap retains between two moments.
import fs from 'node:fs';
import { ws as WebSocket } from 'playwright-core/lib/utilsBundle';

/** Connects to the inspector on `port` (retrying while the process starts); resolves to a session. */
export async function connectInspector(port, { timeoutMs = 30_000 } = {}) {
  const started = Date.now();
  let target;
  for (;;) {
    try {
      [target] = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
      if (target?.webSocketDebuggerUrl) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`no inspector on port ${port}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const socket = new WebSocket(target.webSocketDebuggerUrl, { perMessageDeflate: false, maxPayload: 1 << 30 });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map();
  const listeners = new Map();
  socket.on('message', (data) => {
    const msg = JSON.parse(String(data));
    if (msg.id && pending.has(msg.id)) {
      const { resolve, reject } = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) reject(new Error(`${msg.error.message} (${msg.error.code})`));
      else resolve(msg.result);
    } else if (msg.method) listeners.get(msg.method)?.(msg.params);
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });

  return {
    send,
    /**
     * After a full collection, in MB: the heap used and allocated, and the process's `memoryUsage()` (rss; external:
     * memory outside the heap that heap objects hold, ArrayBuffers and Buffers among it).
     */
    async heapAfterGc() {
      await send('HeapProfiler.collectGarbage');
      const { usedSize, totalSize } = await send('Runtime.getHeapUsage');
      const { result } = await send('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
      const usage = JSON.parse(result.value);
      const mb = (b) => b / 2 ** 20;
      return { usedMb: mb(usedSize), totalMb: mb(totalSize), rssMb: mb(usage.rss), externalMb: mb(usage.external), arrayBuffersMb: mb(usage.arrayBuffers) };
    },
    /** Writes a heap snapshot (which collects garbage first) to `file`. */
    async snapshot(file) {
      const out = fs.createWriteStream(file);
      listeners.set('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => out.write(chunk));
      await send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, treatGlobalObjectsAsRoots: true });
      listeners.delete('HeapProfiler.addHeapSnapshotChunk');
      await new Promise((r) => out.end(r));
    },
    close() {
      socket.close();
    },
  };
}
