/**
 * Editions of the guideline and references to their items. An item is named
 * by its edition and its ID in that edition's grammar: `v5:6.5-C-6`. The
 * default edition's items may be written without the prefix (`6.5-C-6`) —
 * every link, export and assessment made before there were several editions
 * reads that way, and keeps working.
 */

/** `v5` (第5版), `v6` (第6.0版), `v7` (第7.0版) … */
export const EDITION_ID = /^v\d{1,2}$/;

export interface ItemRef {
  edition: string;
  id: string;
}

export function formatItemRef(ref: ItemRef, defaultEdition: string): string {
  return ref.edition === defaultEdition ? ref.id : `${ref.edition}:${ref.id}`;
}

/** `v7:sys-14-5` → { v7, sys-14-5 }; `6.5-C-6` → { defaultEdition, 6.5-C-6 }. The ID part is not checked here. */
export function parseItemRef(text: string, defaultEdition: string): ItemRef {
  const m = /^(v\d{1,2}):(.+)$/.exec(text.trim());
  return m ? { edition: m[1], id: m[2] } : { edition: defaultEdition, id: text.trim() };
}

/**
 * How a section is headed: 第5版's by its number and title (`6.5 技術的安全対策`),
 * a later edition's by its volume and chapter (`システム運用編 14章 認証・認可…`,
 * its volume being the section's Chapter entry), never by the internal ID
 * (`sys-14`). The tab and the API's checklist references both use it.
 */
export function sectionHeading(
  section: { id: string; chapter: string; title: { ja: string; en: string } },
  chapters: ReadonlyArray<{ chapter: string; title: { ja: string; en: string } }>,
): { ja: string; en: string } {
  const volume = /^\d/.test(section.chapter) ? undefined : chapters.find((c) => c.chapter === section.chapter)?.title;
  return volume
    ? { ja: `${volume.ja} ${section.title.ja}`, en: `${volume.en.replace(/ volume$/, '')}, ${section.title.en}` }
    : { ja: `${section.id} ${section.title.ja}`, en: `${section.id} ${section.title.en}` };
}
