/**
 * Everything the reference says about one item: why it has its conformity,
 * the requirement (our summary, and where that comes from), what Teams
 * provides, what the hospital must do, licensing, what to verify, evidence,
 * cited documents and when the content was last checked. Takes data as props; `extra` is where the
 * self-assessment (status, owner, notes) goes.
 */
import type { ReactNode } from 'react';
import { Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CertificationMarker } from './ItemBadges';
import type { Document, ItemView } from '../data/model';
import type { Locale } from '../i18n';
import { format, useStrings } from '../i18n';
import { itemHash } from '../../../contract/links';
import { NARROW } from '../layout';

export interface ItemDetailProps {
  item: ItemView;
  locale: Locale;
  /** The documents the item cites, in the item's order (unknown numbers skipped). */
  documents: Document[];
  id: string;
  actions?: ReactNode;
  extra?: ReactNode;
}

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalM} 2.25rem`,
    [NARROW]: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalM} 1.5rem` },
    '@media print': { paddingLeft: 0, paddingRight: 0 },
  },
  block: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalXS, breakInside: 'avoid' },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  text: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase400, whiteSpace: 'pre-line' },
  list: { margin: 0, paddingLeft: '1.5em', display: 'grid', gap: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase400 },
  review: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteMarigoldBorderActive}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  certs: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  documents: { margin: 0, paddingLeft: 0, listStyle: 'none', display: 'grid', gap: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase400 },
  docNumber: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  unpublished: { color: tokens.colorNeutralForeground3 },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
  printUrl: {
    display: 'none',
    '@media print': { display: 'block', fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2, wordBreak: 'break-all' },
  },
  noPrint: { '@media print': { display: 'none' } },
});

export function ItemDetail({ item, locale, documents, id, actions, extra }: ItemDetailProps) {
  const s = useStrings();
  const styles = useStyles();
  return (
    <div id={id} className={styles.root} data-testid="item-detail">
      {item.conformity && item.conformityReason && (
        <p className={styles.text} data-testid="conformity-reason">
          {format(s.conformityReason, { label: s.conformity[item.conformity], reason: item.conformityReason[locale] })}
        </p>
      )}
      <section className={styles.block}>
        <h4 className={styles.heading}>{s.requirement}</h4>
        <p className={styles.text}>{item.requirement[locale]}</p>
        {item.requirementSource && (
          <p className={styles.note} data-testid="requirement-source">{format(s.requirementSource, { detail: item.requirementSource.detail[locale] })}</p>
        )}
      </section>
      {item.teams ? (
        <section className={styles.block}>
          <h4 className={styles.heading}>{s.teamsCoverage}</h4>
          <p className={styles.text}>{item.teams[locale]}</p>
        </section>
      ) : (
        <section className={styles.block} data-testid="borrowed-coverage">
          <h4 className={styles.heading}>{s.borrowedCoverageHeading}</h4>
          {item.borrowedCoverage?.length ? (
            <>
              <p className={styles.note}>{s.borrowedCoverageIntro}</p>
              <ul className={styles.list}>
                {item.borrowedCoverage.map((c) => (
                  <li key={c.ref}>
                    <Link href={itemHash(c.ref)}>{`${c.displayId} ${c.title[locale]}`}</Link>
                    {c.conformity && ` — ${s.conformity[c.conformity]}`}
                  </li>
                ))}
              </ul>
            </>
          ) : <p className={styles.text}>{s.noCoverageYet}</p>}
        </section>
      )}
      {item.actions && (
        <section className={styles.block}>
          <h4 className={styles.heading}>{s.actions}</h4>
          <ol className={styles.list}>
            {item.actions.map((a, i) => <li key={i}>{a[locale]}</li>)}
          </ol>
        </section>
      )}
      {item.counterparts.length > 0 && (
        <section className={styles.block} data-testid="counterparts">
          <h4 className={styles.heading}>{s.counterparts}</h4>
          <ul className={styles.list}>
            {item.counterparts.map((c) => (
              <li key={c.ref}>
                <Link href={itemHash(c.ref)}>{`${c.editionLabel[locale]} ${c.displayId} ${c.title[locale]}`}</Link>
                {locale === 'ja' ? `（${c.via ? s.counterpartBasis.via : s.counterpartBasis[c.basis]}）` : ` (${c.via ? s.counterpartBasis.via : s.counterpartBasis[c.basis]})`}
                {c.change && <><br /><span className={styles.note}>{format(s.counterpartChange, { change: c.change[locale] })}</span></>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {item.licensing && (
        <section className={styles.block}>
          <h4 className={styles.heading}>{s.licensing}</h4>
          <p className={styles.text}>{item.licensing[locale]}</p>
        </section>
      )}
      {item.review && (
        <section className={mergeClasses(styles.block, styles.review)}>
          <h4 className={styles.heading}>{s.review}</h4>
          <p className={styles.text}>{item.review[locale]}</p>
        </section>
      )}
      {item.certifications.length > 0 && (
        <section className={styles.block}>
          <h4 className={styles.heading}>{s.certifications}</h4>
          <div className={styles.certs}>
            {item.certifications.map((c) => <CertificationMarker key={c} name={c} />)}
          </div>
        </section>
      )}
      {documents.length > 0 && (
        <section className={styles.block}>
          <h4 className={styles.heading}>{s.documents}</h4>
          <ul className={styles.documents}>
            {documents.map((d) => (
              <li key={d.number} data-document={d.number}>
                <span className={styles.docNumber}>{format(s.documentNumber, { number: d.number })}</span>
                {d.url ? (
                  <>
                    <Link href={d.url} target="_blank" rel="noopener noreferrer">
                      {d.title[locale]}
                      <span className="visually-hidden">{s.documentOpensNewWindow}</span>
                    </Link>
                    <span className={styles.printUrl}>{d.url}</span>
                  </>
                ) : (
                  <>
                    {d.title[locale]} <span className={styles.unpublished}>{s.documentUnpublished}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {item.checkedOn && <p className={styles.note} data-testid="checked-on">{format(s.checkedOn, { date: item.checkedOn })}</p>}
      {extra}
      {actions && <div className={styles.noPrint}>{actions}</div>}
    </div>
  );
}
