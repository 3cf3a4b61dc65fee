/**
 * Where the page runs and what the host wants: inside Teams the locale,
 * theme (followed live) and deep-link target come from the Teams context;
 * in a plain browser from the browser's language and colour-scheme settings.
 */
import { useEffect, useState } from 'react';
import { connectToTeams, hostTheme, type HostTheme, type TeamsSession } from './teamsSession';

export interface TeamsContextState {
  status: 'connecting' | 'teams' | 'standalone';
  session: TeamsSession | null;
  theme: HostTheme;
  /** A BCP 47 tag: Teams' app locale, or the browser's language. */
  locale: string;
}

let connection: Promise<TeamsSession | null> | undefined;
let connected: { session: TeamsSession | null } | undefined;

/** Called by main.tsx before the first render, so teams-js starts loading at once. */
export function startTeamsConnection(): Promise<TeamsSession | null> {
  connection ??= connectToTeams().then((session) => {
    connected = { session };
    return session;
  });
  return connection;
}

function stateFor(session: TeamsSession | null): TeamsContextState {
  return session
    ? { status: 'teams', session, theme: session.theme, locale: session.locale }
    : { status: 'standalone', session: null, theme: browserTheme(), locale: navigator.language || 'ja' };
}

function browserTheme(): HostTheme {
  if (typeof window.matchMedia !== 'function') return 'default';
  if (window.matchMedia('(forced-colors: active)').matches) return 'contrast';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
}

export function useTeamsContext(): TeamsContextState {
  const [state, setState] = useState<TeamsContextState>(() => (connected
    ? stateFor(connected.session)
    : { status: 'connecting', session: null, theme: browserTheme(), locale: navigator.language || 'ja' }));

  useEffect(() => {
    let live = true;
    let unwatch: (() => void) | undefined;
    void startTeamsConnection().then((session) => {
      if (!live) return;
      setState((prev) => (prev.status === 'connecting' ? stateFor(session) : prev));
      if (session) {
        session.sdk.app.registerOnThemeChangeHandler((theme) => {
          if (live) setState((s) => ({ ...s, theme: hostTheme(theme) }));
        });
      } else if (typeof window.matchMedia === 'function') {
        const queries = [window.matchMedia('(prefers-color-scheme: dark)'), window.matchMedia('(forced-colors: active)')];
        const onChange = () => setState((s) => ({ ...s, theme: browserTheme() }));
        queries.forEach((q) => q.addEventListener('change', onChange));
        unwatch = () => queries.forEach((q) => q.removeEventListener('change', onChange));
      }
    });
    return () => {
      live = false;
      unwatch?.();
    };
  }, []);

  return state;
}
