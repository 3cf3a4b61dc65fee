/**
 * One item of the checklist: a disclosure button (ID and title) with its
 * markers and a preview of the requirement; expanded, the full detail.
 * `slots` is where the self-assessment columns (status, owner, notes) go.
 */
import { memo, type ComponentType, type ReactNode } from 'react';
import { createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Document, ItemView } from '../data/model';
import type { Locale } from '../i18n';
import { ChevronIcon } from './icons';
import { ItemMarkers } from './ItemBadges';
import { ItemDetail } from './ItemDetail';
import { NARROW } from '../layout';

export interface ItemRowProps {
  item: ItemView;
  locale: Locale;
  expanded: boolean;
  /** Filtered out: kept in the DOM, not shown (a filter change then costs no DOM work). */
  hidden?: boolean;
  documents: Document[];
  onToggle(id: string): void;
  actions?: ReactNode;
  slots?: ItemSlots;
}

/**
 * What the self-assessment adds to every row (`Aside`, beside the markers:
 * status and owner) and to an open item's detail (`Detail`: notes, history).
 * Component types rather than elements, so rows stay memoised; they read
 * their own data through hooks.
 */
export interface ItemSlots {
  Aside?: ComponentType<{ item: ItemView }>;
  Detail?: ComponentType<{ item: ItemView }>;
}

const useStyles = makeStyles({
  row: {
    listStyle: 'none',
    scrollMarginTop: tokens.spacingVerticalXXL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':last-child': { borderBottom: 'none' },
    '@media print': { breakInside: 'avoid-page', borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  },
  // A stripe, not a background: brand-coloured text and links keep their contrast in every theme.
  expanded: { boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorBrandStroke1}`, '@media print': { boxShadow: 'none' } },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, paddingRight: tokens.spacingHorizontalM },
  heading: { margin: 0, flex: '1 1 20rem', minWidth: 0, fontSize: 'inherit', fontWeight: 'inherit' },
  toggle: {
    // The focus outline is an ::after box positioned against the button.
    position: 'relative',
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    background: 'transparent',
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: 'start',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':active': { backgroundColor: tokens.colorSubtleBackgroundPressed },
    '& > svg': { marginTop: '2px' },
    [NARROW]: { paddingLeft: tokens.spacingHorizontalXS, gap: tokens.spacingHorizontalXS },
    '@media print': { paddingLeft: 0, '& > svg': { display: 'none' } },
  },
  focus: createFocusOutlineStyle(),
  // Wide enough for nested IDs (7.1 C-2.3), so titles line up.
  id: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap', minWidth: '6.25em', flexShrink: 0, fontVariantNumeric: 'tabular-nums', [NARROW]: { minWidth: 0 } },
  title: { fontWeight: tokens.fontWeightSemibold },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, paddingLeft: '2.25rem', [NARROW]: { paddingLeft: '1.5rem' }, '@media print': { paddingLeft: 0 } },
  aside: { display: 'flex', alignItems: 'center', minWidth: 0 },
  preview: {
    margin: 0,
    padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalS} 2.25rem`,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    display: '-webkit-box',
    WebkitLineClamp: '2',
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    [NARROW]: { padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS} 1.5rem` },
  },
});

/**
 * The `<li>` alone depends on `hidden`, so showing or hiding a row touches
 * one element; the row's content is a separate memoised component.
 */
export const ItemRow = memo(function ItemRow({ hidden, expanded, item, ...rest }: ItemRowProps) {
  const styles = useStyles();
  return (
    <li className={mergeClasses(styles.row, expanded && styles.expanded)} data-item-id={item.id} hidden={hidden}>
      <ItemRowContent item={item} expanded={expanded} {...rest} />
    </li>
  );
});

const ItemRowContent = memo(function ItemRowContent({ item, locale, expanded, documents, onToggle, actions, slots }: Omit<ItemRowProps, 'hidden'>) {
  const styles = useStyles();
  const detailId = `detail-${item.id}`;
  return (
    <>
      <div className={styles.head}>
        <h3 className={styles.heading}>
          <button
            type="button"
            className={mergeClasses(styles.toggle, styles.focus)}
            aria-expanded={expanded}
            aria-controls={expanded ? detailId : undefined}
            onClick={() => onToggle(item.id)}
          >
            <ChevronIcon open={expanded} />
            <span className={styles.id}>{item.displayId}</span>
            <span className={styles.title}>{item.title[locale]}</span>
          </button>
        </h3>
        <div className={styles.badges}>
          <ItemMarkers level={item.level} conformity={item.conformity} confidence={item.confidence} borrowed={Boolean(item.borrowedCoverage?.length)} />
        </div>
        {slots?.Aside && <div className={styles.aside}><slots.Aside item={item} /></div>}
      </div>
      {expanded
        ? <ItemDetail item={item} locale={locale} documents={documents} id={detailId} actions={actions} extra={slots?.Detail && <slots.Detail item={item} />} />
        : <p className={styles.preview}>{item.requirement[locale]}</p>}
    </>
  );
});
