/**
 * Print view: while printing, the checklist prints as a document of its
 * own — the summary table (一覧表: one row per item) or the detail (詳細:
 * every item's text, packed one after another) — in the light theme.
 * `beforeprint` covers Ctrl+P (which prints the detail, as the list looks
 * when every item is open) as well as the print menu; flushSync makes React
 * render before the browser lays out the page.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

export type PrintKind = 'summary' | 'detail';

export function usePrintMode(): { printing: PrintKind | null; print(kind: PrintKind): void } {
  const [printing, setPrinting] = useState<PrintKind | null>(null);
  const chosen = useRef<PrintKind | null>(null);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(chosen.current ?? 'detail'));
    const after = () => {
      chosen.current = null;
      setPrinting(null);
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  const print = useCallback((kind: PrintKind) => {
    chosen.current = kind;
    flushSync(() => setPrinting(kind));
    window.print();
  }, []);
  return { printing, print };
}

