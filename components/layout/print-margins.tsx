// Words in the printed page's margins (CSS paged media margin boxes, printed by Chromium 131+): the platform's name
// and the print time at the top of every sheet, the data month at the bottom left; the page number "n / m" at the
// bottom right comes from app/globals.css. Rendered as a <style> element, so it costs nothing on screen.

/** A CSS string literal: quotes and backslashes escaped, line breaks dropped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"`;
}

type Box = 'top-left' | 'top-right' | 'bottom-left';

export function PrintMargins({ boxes }: { boxes: Partial<Record<Box, string>> }) {
  const rules = Object.entries(boxes)
    .filter(([, text]) => text)
    .map(([box, text]) => `@${box}{content:${cssString(text!)}}`)
    .join('');
  return rules ? <style>{`@media print{@page{${rules}}}`}</style> : null;
}
