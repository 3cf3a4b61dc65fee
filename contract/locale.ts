/**
 * Which language a user gets. Japanese first: no locale (or one we cannot
 * read) means Japanese; a client that says it is Japanese gets Japanese;
 * any other language (en-US, fr-FR, zh-CN …) gets English, the one other
 * language the reference is written in. The bot, the message extension and
 * the tab all decide with this one rule.
 */
export type Locale = 'ja' | 'en';

export const LOCALES: readonly Locale[] = ['ja', 'en'];

/** `ja-JP`, `ja`, `en-US`, `fr-FR`, `zh-cn` …; undefined or malformed → ja. */
export function localeFromTag(tag: string | null | undefined): Locale {
  const t = (tag ?? '').trim().toLowerCase();
  if (!/^[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*$/.test(t)) return 'ja';
  return t.startsWith('ja') ? 'ja' : 'en';
}

/** Like localeFromTag, but undefined when there is no usable tag (for "the question's language, else the client's"). */
export function localeFromTagIfAny(tag: string | null | undefined): Locale | undefined {
  const t = (tag ?? '').trim().toLowerCase();
  return /^[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*$/.test(t) ? localeFromTag(t) : undefined;
}
