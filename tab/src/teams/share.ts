/**
 * Share and copy actions for an item, choosing what the host supports:
 * Teams' share dialog (sharing.shareWebContent), Teams' clipboard, the
 * browser's clipboard, or, when none works, the caller shows the link for
 * manual copying.
 */
import type { TeamsSdk } from './teamsSession';

export function canShareInTeams(sdk: TeamsSdk | undefined): boolean {
  try {
    return Boolean(sdk && sdk.sharing.isSupported());
  } catch {
    return false;
  }
}

export type ShareOutcome = 'shared' | 'cancelled' | 'failed';

export async function shareInTeams(sdk: TeamsSdk, url: string, message: string): Promise<ShareOutcome> {
  try {
    await sdk.sharing.shareWebContent({ content: [{ type: 'URL', url, message, preview: true }] });
    return 'shared';
  } catch (err) {
    // The user closing the dialog arrives as an error too (USER_ABORT, 8).
    const code = (err as { errorCode?: number })?.errorCode;
    return code === 8 ? 'cancelled' : 'failed';
  }
}

/** True when the text reached the clipboard. */
export async function copyText(text: string, sdk?: TeamsSdk): Promise<boolean> {
  // Inside the Teams iframe the browser clipboard is often not permitted.
  try {
    if (sdk && sdk.clipboard.isSupported()) {
      await sdk.clipboard.write(new Blob([text], { type: 'text/plain' }));
      return true;
    }
  } catch {
    /* fall through to the browser clipboard */
  }
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* not permitted */
  }
  return false;
}
