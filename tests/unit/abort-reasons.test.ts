// An aborted signal's Error reason must not keep alive what the frames that aborted it were working on: the leak
// that made the server's heap grow by every page it served (lib/runtime/abort-reasons.ts).
import v8 from 'node:v8';
import vm from 'node:vm';
import { expect, test } from 'vitest';
import { releaseAbortReasonStacks } from '@/lib/runtime/abort-reasons';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/**
 * Aborts a controller from inside a method of a large object (as React aborts a finished render's cacheSignal from
 * inside the work it was running), keeps only the controller, and says whether the object survives a full collection.
 */
async function workSurvivesAbort(): Promise<{ survives: boolean; controller: AbortController }> {
  const controller = new AbortController();
  let ref!: WeakRef<object>;
  (() => {
    const work = {
      rendered: new Array(10_000).fill('row'),
      finish(this: object) {
        controller.abort(new Error('This render completed successfully.'));
      },
    };
    ref = new WeakRef(work);
    work.finish();
  })();
  // A WeakRef keeps its target until the current job ends.
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
  return { survives: ref.deref() !== undefined, controller };
}

test('without the fix an unread abort reason keeps its frames’ receivers alive (the test can see a leak)', async () => {
  const { survives, controller } = await workSurvivesAbort();
  expect(controller.signal.aborted).toBe(true);
  expect(survives).toBe(true);
});

test('with the fix the same abort lets them go, and the abort behaves as before', async () => {
  releaseAbortReasonStacks();
  releaseAbortReasonStacks(); // idempotent: a second call does not wrap twice
  const { survives, controller } = await workSurvivesAbort();
  expect(survives).toBe(false);
  expect(controller.signal.reason).toBeInstanceOf(Error);
  expect((controller.signal.reason as Error).stack).toContain('This render completed successfully.');

  const heard: unknown[] = [];
  const plain = new AbortController();
  plain.signal.addEventListener('abort', () => heard.push(plain.signal.reason));
  plain.abort();
  plain.abort('again'); // a second abort changes nothing
  expect(heard).toHaveLength(1);
  expect((heard[0] as DOMException).name).toBe('AbortError');

  const withString = new AbortController();
  withString.abort('done');
  expect(withString.signal.reason).toBe('done');
});
