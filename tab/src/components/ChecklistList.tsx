/**
 * The items, grouped by guideline section with counts (guideline order), or
 * as one list ordered by relevance when a search query ranks them.
 */
import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Document, ItemView, SectionView } from '../data/model';
import { groupBySection } from '../checklist/filterItems';
import { format, useStrings, type Locale } from '../i18n';
import { ItemRow } from './ItemRow';

export interface ChecklistListProps {
  items: ItemView[];
  ranked: boolean;
  sectionById: Map<string, SectionView>;
  locale: Locale;
  expanded: ReadonlySet<string>;
  /** Print view: every item expanded. */
  expandAll: boolean;
  onToggle(id: string): void;
  documentsFor(item: ItemView): Document[];
  renderActions(item: ItemView): ReactNode;
  renderAside?(item: ItemView): ReactNode;
  renderExtra?(item: ItemView): ReactNode;
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
    '@media print': { paddingLeft: 0, breakAfter: 'avoid' },
  },
  count: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  list: { margin: 0, padding: 0 },
});

export function ChecklistList(props: ChecklistListProps) {
  const { items, ranked, sectionById, locale } = props;
  const s = useStrings();
  const styles = useStyles();

  const rows = (list: ItemView[]) => list.map((item) => {
    const open = props.expandAll || props.expanded.has(item.id);
    return (
      <ItemRow
        key={item.id}
        item={item}
        locale={locale}
        expanded={open}
        documents={open ? props.documentsFor(item) : NO_DOCUMENTS}
        onToggle={props.onToggle}
        actions={open ? props.renderActions(item) : undefined}
        aside={props.renderAside?.(item)}
        extra={open ? props.renderExtra?.(item) : undefined}
      />
    );
  });

  if (ranked) {
    return (
      <section className={styles.group} aria-label={s.searchLabel}>
        <ul className={styles.list}>{rows(items)}</ul>
      </section>
    );
  }

  return (
    <>
      {groupBySection(items).map((group) => {
        const section = sectionById.get(group.section);
        const headingId = `section-${group.section}`;
        return (
          <section key={group.section} className={styles.group} aria-labelledby={headingId} data-section={group.section}>
            <h2 id={headingId} className={styles.groupHeading}>
              <span>{format(s.sectionHeading, { id: group.section, title: section ? section.title[locale] : '' })}</span>
              <span className={styles.count}>{format(s.sectionCount, { count: group.items.length })}</span>
            </h2>
            <ul className={styles.list}>{rows(group.items)}</ul>
          </section>
        );
      })}
    </>
  );
}
