/**
 * A yes/no preference of this browser, kept in localStorage so the tab opens
 * the way it was left. Storage can be unavailable (a Teams mobile web view,
 * blocked third-party storage): the flag then lasts for the page only.
 */
import { useCallback, useState } from 'react';

/** Where the self-assessment panel's open/closed state is kept: one flag for every scope (personal and channel tabs alike). */
export const ASSESSMENT_PANEL_KEY = 'medsec-reference:assessment-panel-open';

function read(key: string, fallback: boolean): boolean {
  try {
    const v = window.localStorage.getItem(key);
    return v === null ? fallback : v === '1';
  } catch {
    return fallback;
  }
}

export function useStoredFlag(key: string, fallback: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => read(key, fallback));
  const set = useCallback((next: boolean) => {
    setValue(next);
    try {
      window.localStorage.setItem(key, next ? '1' : '0');
    } catch {
      // Not remembered; the page still works.
    }
  }, [key]);
  return [value, set];
}
