import type { ReactNode } from 'react';
import { PrintMargins } from '@/components/layout/print-margins';
import { ShellHeader, type ShellHeaderText } from '@/components/layout/shell-header';

export interface ShellText extends ShellHeaderText {
  skip: string;
  /** "打印时间：2026-11-15 10:00", printed in the top right margin of every sheet (components/layout/print-margins.tsx). */
  printedAt?: string;
}

export function AppShell({ text, children }: { text: ShellText; children: ReactNode }) {
  const { skip, printedAt, ...header } = text;
  return (
    <>
      <a href="#main" className="skip">
        {skip}
      </a>
      <PrintMargins boxes={{ 'top-left': `${text.district} · ${text.appName}`, 'top-right': printedAt ?? undefined }} />
      <ShellHeader text={header} />
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}
