/**
 * A section's list of requirements: each a row that opens the item's card.
 */
import type { Item, Section } from '../../contract/reference';
import type { Edition } from '../reference/edition';
import type { Library } from '../reference/library';
import { STRINGS, type Locale } from '../i18n/strings';
import { showItem } from './actions';
import { compileTemplate, type AdaptiveCard } from './expand';
import sectionTemplate from './templates/section.json';

const fill = compileTemplate(sectionTemplate);

export function createSectionCard(library: Library, edition: Edition, section: Section, items: readonly Item[], locale: Locale): AdaptiveCard {
  const s = STRINGS[locale];
  return fill({
    heading: s.sectionHeading(section.id, section.title[locale]),
    summary: s.sectionCount(items.length),
    items: items.map((item) => ({
      displayId: edition.displayId(item.id),
      title: item.title[locale],
      badge: [item.conformity ? s.conformity[item.conformity] : item.coverageFrom?.length ? s.borrowedConformity(library.defaultEdition.info.label[locale]) : s.noConformityYet,
        item.level ? s.level[item.level as 'C' | 'D'] : ''].filter(Boolean).join(' · '),
      badgeColor: item.conformity === 'conformable' ? 'Good' : item.conformity === 'not-met-by-teams' ? 'Warning' : 'Default',
      data: showItem(library.refOf(edition, item), locale),
    })),
    disclaimer: s.disclaimer(edition.info.label[locale]),
  });
}
