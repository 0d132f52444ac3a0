import type { ReactNode } from 'react';
import { PrintMargins } from '@/components/layout/print-margins';
import { ShellHeader, type ShellHeaderText } from '@/components/layout/shell-header';

export interface ShellText extends ShellHeaderText {
  skip: string;
  /** "打印时间：2026-11-15 10:00", printed in the top right margin of every sheet (components/layout/print-margins.tsx). */
  printedAt?: string;
}

export function AppShell({ text, children }: { text: ShellText; children: ReactNode }) {
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
        {text.skip}
      </a>
      <PrintMargins boxes={{ 'top-left': `${text.district} · ${text.appName}`, 'top-right': text.printedAt ?? undefined }} />
      <ShellHeader text={text} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 print:max-w-none print:px-0 print:py-2">
        {children}
      </main>
    </>
  );
}
