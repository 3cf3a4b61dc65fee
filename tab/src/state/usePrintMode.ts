/**
 * Print view: while printing, every visible item is expanded and the light
 * theme is used. `beforeprint` covers Ctrl+P as well as the print button;
 * flushSync makes React render before the browser lays out the page.
 */
import { createContext, useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

export function usePrintMode(): { printing: boolean; print(): void } {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  const print = useCallback(() => {
    flushSync(() => setPrinting(true));
    window.print();
  }, []);
  return { printing, print };
}

/** True while printing; parts that print differently from the screen read it. */
export const PrintingContext = createContext(false);
