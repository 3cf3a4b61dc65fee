/**
 * What the checklist shows for given filters and query, on the real
 * reference (or the copy DATA_DIR points at).
 */
import { testEdition, testLibrary } from '../helpers/testServer';
import { toEditionView, toItemView } from '../../bot/http/views';
import { indexReference } from '../../tab/src/data/model';
import { groupBySection, visibleItems } from '../../tab/src/checklist/filterItems';

const ref = testEdition();
// What GET /api/items and /api/sections send the tab.
const data = indexReference(
  toEditionView(testLibrary(), ref),
  ref.items.map((i) => toItemView(testLibrary(), ref, i)),
  ref.sections.map((s) => ({ ...s, itemCount: ref.items.filter((i) => i.section === s.id).length })),
  [...ref.chapters],
  [...ref.documents],
);

describe('choosing the items to show', () => {
  it('shows every item in guideline order without filters', () => {
    const v = visibleItems(data, {}, null);
    expect(v.ranked).toBe(false);
    expect(v.items.map((i) => i.id)).toEqual(ref.items.map((i) => i.id));
  });

  it('narrows by section, level, conformity and topic together', () => {
    const v = visibleItems(data, { section: '6.5', level: 'C', conformity: 'conformable', topic: 'access-log' }, null);
    const expected = ref.items.filter((i) => i.section === '6.5' && i.level === 'C' && i.conformity === 'conformable' && i.topics.includes('access-log'));
    expect(v.items.map((i) => i.id)).toEqual(expected.map((i) => i.id));
  });

  it('scopes a channel tab to one chapter or to the conformable items', () => {
    const chapter7 = visibleItems(data, { view: 'chapter-7' }, null).items;
    expect(chapter7.length).toBeGreaterThan(0);
    expect(chapter7.every((i) => ref.sectionById.get(i.section)?.chapter === '7')).toBe(true);
    expect(chapter7).toHaveLength(ref.items.filter((i) => ref.sectionById.get(i.section)?.chapter === '7').length);
    const conformable = visibleItems(data, { view: 'conformable' }, null).items;
    expect(conformable).toHaveLength(ref.items.filter((i) => i.conformity === 'conformable').length);
  });

  it('keeps the search ranking order and applies the filters to it', () => {
    const ranking = [...ref.items].reverse().map((i) => i.id);
    const v = visibleItems(data, { level: 'D' }, ranking);
    expect(v.ranked).toBe(true);
    expect(v.items.map((i) => i.id)).toEqual(ranking.filter((id) => ref.itemById.get(id)?.level === 'D'));
  });

  it('groups consecutive items by section', () => {
    const groups = groupBySection(visibleItems(data, {}, null).items);
    expect(groups.map((g) => g.section)).toEqual([...new Set(ref.items.map((i) => i.section))]);
    expect(groups.reduce((n, g) => n + g.items.length, 0)).toBe(ref.items.length);
  });
});
