/**
 * The channel tab's configuration: which view the tab opens on, saved with
 * pages.config when Teams' Save button is pressed.
 */
import { useEffect, useRef } from 'react';
import type { View } from '../state/route';
import type { TeamsSession } from './teamsSession';

export interface TabInstanceConfig {
  contentUrl: string;
  websiteUrl: string;
  entityId: string;
  suggestedDisplayName: string;
}

/** `base` is the tab's own address without the hash, e.g. `https://host/`. */
export function tabConfigFor(view: View, displayName: string, base: string): TabInstanceConfig {
  const url = `${base}#/?view=${view}`;
  return { contentUrl: url, websiteUrl: url, entityId: `checklist-${view}`, suggestedDisplayName: displayName };
}

/** Inside Teams' configuration dialog: enable Save and answer it with the latest choice. */
export function useTabConfigSave(session: TeamsSession | null, config: TabInstanceConfig | null): void {
  const latest = useRef(config);
  latest.current = config;

  useEffect(() => {
    if (!session) return;
    const pagesConfig = session.sdk.pages.config;
    try {
      pagesConfig.registerOnSaveHandler((saveEvent) => {
        const chosen = latest.current;
        if (!chosen) {
          saveEvent.notifyFailure('no view chosen');
          return;
        }
        pagesConfig.setConfig(chosen).then(
          () => saveEvent.notifySuccess(),
          (err: unknown) => saveEvent.notifyFailure(String(err)),
        );
      });
    } catch {
      /* not opened as a configuration page */
    }
  }, [session]);

  useEffect(() => {
    if (!session) return;
    try {
      session.sdk.pages.config.setValidityState(Boolean(config));
    } catch {
      /* not opened as a configuration page */
    }
  }, [session, config]);
}
