/**
 * What the bot can do, with example questions as buttons (help, and the
 * welcome when the app is added).
 */
import type { Edition } from '../reference/edition';
import { STRINGS, type Locale } from '../i18n/strings';
import { ask } from './actions';
import { compileTemplate, type AdaptiveCard } from './expand';
import helpTemplate from './templates/help.json';

const fill = compileTemplate(helpTemplate);

export function createHelpCard(edition: Edition, locale: Locale, options: { welcome?: boolean } = {}): AdaptiveCard {
  const s = STRINGS[locale];
  const example = edition.items[0] ? edition.displayId(edition.items[0].id) : '';
  return fill({
    appName: s.appName,
    welcome: options.welcome ? s.helpWelcome : '',
    intro: s.helpIntro(edition.info.title[locale]),
    howToHeading: s.helpTitle,
    howTo: s.helpHowTo(example).map((text) => ({ text: `• ${text}` })),
    examplesHeading: s.helpExamplesHeading,
    examples: s.helpExamples.map((q) => ({ text: q, data: ask(q, locale) })),
    disclaimer: s.disclaimer(edition.info.label[locale]),
  });
}
