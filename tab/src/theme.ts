/**
 * Teams' three themes as Fluent UI v9 themes, with a Japanese font stack when
 * the page is Japanese (Fluent's default stack has no Japanese face and
 * browsers then pick an inconsistent fallback).
 */
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { HostTheme } from './teams/teamsSession';
import type { Locale } from './i18n';

const JAPANESE_FONTS = '"Segoe UI", "Yu Gothic UI", "Meiryo UI", Meiryo, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans CJK JP", "Noto Sans JP", system-ui, sans-serif';

const BY_HOST: Record<HostTheme, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

const cache = new Map<string, Theme>();

export function fluentTheme(host: HostTheme, locale: Locale): Theme {
  const key = `${host}:${locale}`;
  let theme = cache.get(key);
  if (!theme) {
    const base = BY_HOST[host];
    theme = locale === 'ja' ? { ...base, fontFamilyBase: JAPANESE_FONTS } : base;
    cache.set(key, theme);
  }
  return theme;
}
