/**
 * The one place that talks to the Teams host through teams-js. Everything
 * else receives plain values (locale, theme, subPageId) or calls the small
 * functions here.
 *
 * teams-js is loaded on demand: a plain browser never needs it, and in Teams
 * it arrives while the checklist data is already loading.
 */
export type TeamsSdk = typeof import('@microsoft/teams-js');

/** How long to wait for a host before showing the page in standalone mode. */
export const TEAMS_INIT_TIMEOUT_MS = 1500;

export type HostTheme = 'default' | 'dark' | 'contrast';

export interface TeamsSession {
  sdk: TeamsSdk;
  locale: string;
  theme: HostTheme;
  /** The deep link's target: the canonical ID of an item to open. */
  subPageId?: string;
  frameContext?: string;
  entityId?: string;
  /** In a channel tab: the team's thread ID (`team.internalId`) and the channel's ID. */
  teamId?: string;
  channelId?: string;
}

export function hostTheme(theme: string | undefined): HostTheme {
  // "glass" and future themes: Teams' own light default is the safe reading.
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

function timeout(ms: number): Promise<never> {
  return new Promise((_resolve, reject) => setTimeout(() => reject(new Error(`no Teams host within ${ms} ms`)), ms));
}

/**
 * The same test teams-js makes before it gives up (no parent frame, no
 * opener, no mobile bridge): when it fails, loading teams-js only to hear
 * "no parent window" would delay a plain browser for nothing.
 */
export function mayHaveHost(win: Window): boolean {
  return win.parent !== win.self || Boolean(win.opener) || 'nativeInterface' in win;
}

/**
 * Resolves with the session inside Teams, or null in a plain browser. Never
 * waits longer than `timeoutMs`: outside any host teams-js rejects at once,
 * but inside some other frame it would wait for an answer forever.
 */
export async function connectToTeams(timeoutMs = TEAMS_INIT_TIMEOUT_MS): Promise<TeamsSession | null> {
  if (!mayHaveHost(window)) return null;
  const deadline = timeout(timeoutMs);
  deadline.catch(() => undefined);
  try {
    const sdk = await Promise.race([import('@microsoft/teams-js'), deadline]);
    await Promise.race([sdk.app.initialize(), deadline]);
    const context = await Promise.race([sdk.app.getContext(), deadline]);
    return {
      sdk,
      locale: context.app.locale,
      theme: hostTheme(context.app.theme),
      subPageId: context.page.subPageId || undefined,
      frameContext: context.page.frameContext,
      entityId: context.page.id,
      teamId: context.team?.internalId || undefined,
      channelId: context.channel?.id || undefined,
    };
  } catch {
    return null;
  }
}

/** Tell Teams the tab has rendered (hides Teams' loading indicator if the manifest shows one). */
export function notifyLoaded(session: TeamsSession): void {
  try {
    session.sdk.app.notifySuccess().catch(() => undefined);
  } catch {
    /* older hosts */
  }
}
