/**
 * Share and copy actions for an item, choosing what the host supports:
 * Teams' share dialog (sharing.shareWebContent) where the Teams client has
 * one, Teams' "Share to Teams" web page only in a browser where Microsoft
 * supports it (desktop Edge and Chrome), Teams' clipboard, the browser's
 * clipboard, or, when none works, the caller shows the link for manual
 * copying.
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

/**
 * Teams' "Share to Teams" web page for a URL. Microsoft supports it only in
 * desktop Edge and Chrome, and not for guests: offer it only where
 * shareToTeamsPageWorks() says so, and never inside Teams, where the host's own
 * share dialog (or copying the link) keeps people in Teams.
 */
export function shareToTeamsPageUrl(url: string): string {
  return `https://teams.microsoft.com/share?href=${encodeURIComponent(url)}`;
}

/**
 * Whether this browser is desktop Edge or desktop Chrome, from its user agent.
 * Not a phone or tablet (including Edge and Chrome for iOS and Android), and
 * not another Chromium browser that names itself (Opera, Vivaldi, Samsung
 * Internet, Yandex) or an Electron shell. Whether the user is a guest in the
 * tenant cannot be seen outside Teams.
 */
export function shareToTeamsPageWorks(userAgent: string): boolean {
  if (/Mobile|Android|iPhone|iPad|iPod|CriOS|EdgiOS|EdgA|FxiOS/i.test(userAgent)) return false;
  if (/OPR\/|Opera|Vivaldi|SamsungBrowser|YaBrowser|Electron\/|Teams\//.test(userAgent)) return false;
  return /\bEdg\/\d/.test(userAgent) || /\b(?:Headless)?Chrome\/\d/.test(userAgent);
}
