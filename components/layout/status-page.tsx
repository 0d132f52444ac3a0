'use client';
// A client component for its payload's sake: the not-found frames sit in every page's React payload (the layouts'
// not-found boundaries), where a client component is a reference and its props, not its element tree.
import type { ReactNode } from 'react';

/** A 404 or error message in the platform's frame: a code, a title, what happened, and the ways on. */
export function StatusPanel({ code, title, message, detail, children }: { code: string; title: string; message: string; detail?: string; children: ReactNode }) {
  return (
    <section aria-labelledby="status-title" className="mx-auto mt-8 max-w-xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <p className="text-sm font-semibold text-brand-700">{code}</p>
      <h1 id="status-title" className="mb-2 text-xl font-semibold text-brand-900">
        {title}
      </h1>
      <p className="text-slate-700">{message}</p>
      {detail ? <p className="mt-2 text-xs text-slate-500">{detail}</p> : null}
      <div className="mt-5 flex flex-wrap items-center gap-3">{children}</div>
    </section>
  );
}

/** The frame of a page outside the signed-in layout: the district and the platform's name above the panel. */
export function StandaloneFrame({ district, appName, children }: { district: string; appName: string; children: ReactNode }) {
  return (
    <main id="main" className="min-h-screen bg-brand-900/5 px-4 py-10">
      <div className="mx-auto max-w-xl">
        <p className="text-xs text-slate-500">{district}</p>
        <p className="text-lg font-semibold text-brand-900">{appName}</p>
      </div>
      {children}
    </main>
  );
}
