/**
 * How cards name an item: 「6.5 C-6 アクセスログ…」, and for a row of a
 * later edition next to 第5版 items, with its edition (「第6.0版 シス12 …」).
 */
import type { Item } from '../../contract/reference';
import type { Edition } from '../reference/edition';
import type { Locale } from '../i18n/strings';

export function itemLabel(edition: Edition, item: Item, locale: Locale): string {
  return `${edition.displayId(item.id)} ${item.title[locale]}`;
}

export function itemLabelWithEdition(edition: Edition, item: Item, locale: Locale): string {
  return `${edition.info.label[locale]} ${itemLabel(edition, item, locale)}`;
}
