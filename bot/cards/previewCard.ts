/**
 * The message extension's result preview: Teams requires a hero or thumbnail
 * card here; `tap` makes choosing it fetch the full card (selectItem).
 */
import type { Item } from '../../contract/reference';
import type { Edition } from '../reference/edition';
import type { Library } from '../reference/library';
import { STRINGS, type Locale } from '../i18n/strings';
import { itemLabel, itemLabelWithEdition } from './labels';
import { shorten } from './markdown';

export interface ThumbnailPreview {
  contentType: 'application/vnd.microsoft.card.thumbnail';
  content: { title: string; subtitle: string; text: string; tap?: { type: 'invoke'; value: unknown } };
}

export function createPreviewCard(library: Library, edition: Edition, item: Item, locale: Locale, tap?: unknown): ThumbnailPreview {
  const s = STRINGS[locale];
  const level = item.level ? ` · ${item.level} ${s.level[item.level as 'C' | 'D']}` : '';
  return {
    contentType: 'application/vnd.microsoft.card.thumbnail',
    content: {
      // A later edition's row says which edition it is from.
      title: edition === library.defaultEdition ? itemLabel(edition, item, locale) : itemLabelWithEdition(edition, item, locale),
      subtitle: `${item.conformity ? s.conformity[item.conformity] : item.coverageFrom?.length ? s.borrowedConformity(library.defaultEdition.info.label[locale]) : s.noConformityYet}${level}`,
      text: shorten(item.requirement[locale], 100),
      ...(tap === undefined ? {} : { tap: { type: 'invoke' as const, value: tap } }),
    },
  };
}
