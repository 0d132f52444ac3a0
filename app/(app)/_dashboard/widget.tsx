// Page layer: one dashboard widget. When the page has its content already (the data was computed for the current data
// version), it is rendered in place, with no boundary, so the HTML is complete and readable without JavaScript.
// Otherwise it streams in behind its skeleton.
import { Suspense, type ReactNode } from 'react';

export function Widget({ ready, content, fallback, children }: { ready: boolean; content?: ReactNode; fallback: ReactNode; children: ReactNode }) {
  return ready ? <>{content}</> : <Suspense fallback={fallback}>{children}</Suspense>;
}

/**
 * While widgets stream, their content is revealed by React's inline script. A browser without JavaScript reloads once
 * instead; by then the data is computed and the page comes complete in the first pass.
 */
export function ReloadWithoutScript({ when }: { when: boolean }) {
  return when ? (
    <noscript>
      <meta httpEquiv="refresh" content="2" />
    </noscript>
  ) : null;
}
