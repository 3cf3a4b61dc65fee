/**
 * The items, grouped by guideline section with counts (guideline order), or
 * as one list ordered by relevance when a search query ranks them.
 *
 * The grouped list keeps every item mounted and hides the ones the filters
 * leave out: a filter change then toggles `hidden` on rows instead of
 * building and tearing down their DOM, which was most of its cost. The
 * ranked list is built for the query's results only.
 */
import { startTransition, useEffect, useMemo, useState, type ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Document, ItemView, SectionView } from '../data/model';
import { groupBySection } from '../checklist/filterItems';
import { format, useStrings, type Locale } from '../i18n';
import { ItemRow, type ItemSlots } from './ItemRow';
import { NARROW } from '../layout';

export interface ChecklistListProps {
  /** Every item, in guideline order. */
  allItems: ItemView[];
  /** The items to show, in the order to show them. */
  items: ItemView[];
  ranked: boolean;
  sectionById: Map<string, SectionView>;
  sectionHeadings: Map<string, { ja: string; en: string }>;
  locale: Locale;
  expanded: ReadonlySet<string>;
  onToggle(id: string): void;
  documentsFor(item: ItemView): Document[];
  renderActions(item: ItemView): ReactNode;
  slots?: ItemSlots;
  /**
   * Rows rendered in the first pass; the rest follow in a transition that
   * yields to input, so the first screen is painted and usable sooner.
   */
  firstPassRows?: number;
}

const NO_DOCUMENTS: Document[] = [];

const useStyles = makeStyles({
  group: {
    marginBottom: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    // Sections off screen skip layout and paint until scrolled to (print and find-in-page still see them).
    contentVisibility: 'auto',
    containIntrinsicSize: 'auto 40rem',
    '@media print': { boxShadow: 'none', borderRadius: 0, marginBottom: tokens.spacingVerticalM, contentVisibility: 'visible' },
  },
  groupHeading: {
    display: 'flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    // Title and count wrap under each other rather than widen the row.
    flexWrap: 'wrap',
    [NARROW]: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
    '@media print': { paddingLeft: 0, breakAfter: 'avoid' },
  },
  count: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  list: { margin: 0, padding: 0 },
});

export function ChecklistList(props: ChecklistListProps) {
  const { allItems, items, ranked, sectionHeadings, locale } = props;
  const s = useStrings();
  const styles = useStyles();

  const [limit, setLimit] = useState(props.firstPassRows ?? Infinity);
  useEffect(() => {
    if (limit !== Infinity) startTransition(() => setLimit(Infinity));
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const groups = useMemo(() => groupBySection(allItems), [allItems]);
  const shown = useMemo(() => new Set(items.map((i) => i.id)), [items]);

  const row = (item: ItemView, visible: boolean) => {
    const open = visible && props.expanded.has(item.id);
    return (
      <ItemRow
        key={item.id}
        item={item}
        locale={locale}
        hidden={!visible}
        expanded={open}
        documents={open ? props.documentsFor(item) : NO_DOCUMENTS}
        onToggle={props.onToggle}
        actions={open ? props.renderActions(item) : undefined}
        slots={props.slots}
      />
    );
  };

  let budget = limit;
  const grouped = groups.map((group) => {
    if (budget <= 0) return null;
    const rows = group.items.slice(0, budget);
    budget -= rows.length;
    const count = group.items.reduce((n, i) => (shown.has(i.id) ? n + 1 : n), 0);
    const headingId = `section-${group.section}`;
    return (
      <section key={group.section} className={styles.group} aria-labelledby={headingId} data-section={group.section} hidden={ranked || count === 0}>
        <h2 id={headingId} className={styles.groupHeading}>
          <span>{sectionHeadings.get(group.section)?.[locale] ?? group.section}</span>
          <span className={styles.count}>{format(s.sectionCount, { count })}</span>
        </h2>
        <ul className={styles.list}>{rows.map((item) => row(item, !ranked && shown.has(item.id)))}</ul>
      </section>
    );
  });

  // data-rendered tells tests and the benchmark when the second pass is in.
  return (
    <div data-rendered={budget === Infinity || limit === Infinity ? 'all' : 'first-pass'}>
      {ranked && (
        <section className={styles.group} aria-label={s.searchLabel} data-ranked="">
          <ul className={styles.list}>{items.map((item) => row(item, true))}</ul>
        </section>
      )}
      {grouped}
    </div>
  );
}
