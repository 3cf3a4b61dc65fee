/**
 * The checklist on paper (A4), as a document of its own rendered only while
 * printing; the screen's list, filters and buttons do not print.
 *  - 一覧表 (summary): one table row per item — ID, title, conformity, and
 *    the self-assessment's status, owner, target and checked dates — so the
 *    whole checklist fits a few pages.
 *  - 詳細 (detail): every item's text, packed one after another in a
 *    compact type (an item moves to the next page only when it would be
 *    split), its cited documents by number, and the documents' titles and
 *    addresses once, at the end.
 * Both print what the filters show, in the order shown.
 */
import { Fragment, memo, useMemo } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Document, ItemView, ReferenceData } from '../data/model';
import { isOverdue, localToday, type ItemState } from '../data/assessmentModel';
import { useAssessmentReady, useAssessmentStore } from '../data/useAssessment';
import type { PrintKind } from '../state/usePrintMode';
import { format, useStrings, type Locale, type Strings } from '../i18n';
import { statusLabel } from './AssessmentBadge';
import { ItemMarkers } from './ItemBadges';

export interface PrintViewProps {
  kind: PrintKind;
  /** The items the filters show, in the order shown. */
  items: ItemView[];
  /** Ranked by a search (one list) rather than grouped by section. */
  ranked: boolean;
  reference: ReferenceData;
  locale: Locale;
}

const useStyles = makeStyles({
  root: { '@media screen': { display: 'none' }, color: '#000' },
  heading: { margin: `${tokens.spacingVerticalXS} 0`, fontSize: '13px', fontWeight: tokens.fontWeightSemibold },
  // Summary table: small type, one line per item where the title allows.
  table: {
    width: '100%', borderCollapse: 'collapse', fontSize: '10.5px', lineHeight: 1.35,
    '& th, & td': { border: '0.5pt solid #999', padding: '1.5px 4px', textAlign: 'start', verticalAlign: 'top' },
    '& thead th': { backgroundColor: '#eee', fontWeight: tokens.fontWeightSemibold },
    '& tr': { breakInside: 'avoid' },
  },
  nowrap: { whiteSpace: 'nowrap' },
  sectionRow: { fontWeight: tokens.fontWeightSemibold, backgroundColor: '#f6f6f6', breakAfter: 'avoid' },
  // Detail: items one after another, an item kept on one page where it fits.
  detail: { fontSize: '9.5px', lineHeight: 1.4 },
  section: { margin: '6px 0 2px', fontSize: '11.5px', fontWeight: tokens.fontWeightSemibold, borderBottom: '0.75pt solid #000', breakAfter: 'avoid' },
  item: { breakInside: 'avoid', padding: '3px 0 4px', borderBottom: '0.5pt solid #bbb' },
  itemHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '1px 6px', margin: 0, fontSize: '10.5px', fontWeight: tokens.fontWeightSemibold },
  markers: { display: 'inline-flex', flexWrap: 'wrap', gap: '3px', fontWeight: tokens.fontWeightRegular, '& > span': { minHeight: 0, fontSize: '8.5px', lineHeight: '12px', padding: '0 4px' } },
  p: { margin: '1px 0 0', whiteSpace: 'pre-line' },
  label: { fontWeight: tokens.fontWeightSemibold, marginRight: '0.5em' },
  actions: { margin: '1px 0 0', paddingLeft: '1.6em' },
  note: { margin: '1px 0 0', fontSize: '8.5px', color: '#333' },
  source: { fontSize: '8.5px', color: '#333' },
  assessment: { fontSize: '9.5px', color: '#000' },
  documents: { margin: '2px 0 0', paddingLeft: 0, listStyle: 'none', fontSize: '8.5px', lineHeight: 1.35, '& > li': { breakInside: 'avoid', marginBottom: '2px' } },
  url: { display: 'block', wordBreak: 'break-all', color: '#333' },
});

const EMPTY = '—';

/** The print-out's groups: sections in guideline order, or one ranked list. */
function groupsOf(items: ItemView[], ranked: boolean): Array<{ section?: string; items: ItemView[] }> {
  if (ranked) return [{ items }];
  const groups: Array<{ section: string; items: ItemView[] }> = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last?.section === item.section) last.items.push(item);
    else groups.push({ section: item.section, items: [item] });
  }
  return groups;
}

export const PrintView = memo(function PrintView({ kind, items, ranked, reference, locale }: PrintViewProps) {
  const styles = useStyles();
  const store = useAssessmentStore();
  const ready = useAssessmentReady(store);
  // Read once per print: the print-out is a snapshot.
  const stateOf = (id: string): ItemState | undefined => (ready ? store?.item(id) : undefined);
  const groups = useMemo(() => groupsOf(items, ranked), [items, ranked]);
  return (
    <div className={styles.root} data-testid={`print-${kind}`}>
      {kind === 'summary'
        ? <SummaryTable groups={groups} reference={reference} locale={locale} stateOf={stateOf} withAssessment={Boolean(store && ready)} />
        : <Detail groups={groups} reference={reference} locale={locale} stateOf={stateOf} />}
    </div>
  );
});

interface PartProps {
  groups: Array<{ section?: string; items: ItemView[] }>;
  reference: ReferenceData;
  locale: Locale;
  stateOf(id: string): ItemState | undefined;
}

function sectionTitle(s: Strings, reference: ReferenceData, section: string, locale: Locale): string {
  return reference.sectionHeadings.get(section)?.[locale] ?? format(s.sectionHeading, { id: section, title: '' });
}

function targetDateText(s: Strings, state: ItemState | undefined, today: string): string {
  if (!state?.targetDate) return EMPTY;
  return isOverdue(state, today) ? `${state.targetDate} ${s.overdue}` : state.targetDate;
}

function SummaryTable({ groups, reference, locale, stateOf, withAssessment }: PartProps & { withAssessment: boolean }) {
  const s = useStrings();
  const styles = useStyles();
  const today = localToday();
  const columns = 7;
  return (
    <table className={styles.table}>
      <thead>
        <tr>
          <th scope="col">{s.printColumnId}</th>
          <th scope="col">{s.printColumnItem}</th>
          <th scope="col">{s.printColumnConformity}</th>
          <th scope="col">{s.statusLabel}</th>
          <th scope="col">{s.ownerLabel}</th>
          <th scope="col">{s.targetDateLabel}</th>
          <th scope="col">{s.checkedDateLabel}</th>
        </tr>
      </thead>
      {groups.map((group, g) => (
        <tbody key={group.section ?? g}>
          {group.section && (
            <tr className={styles.sectionRow}><th scope="colgroup" colSpan={columns}>{sectionTitle(s, reference, group.section, locale)}</th></tr>
          )}
          {group.items.map((item) => {
            const state = stateOf(item.id);
            return (
              <tr key={item.id} data-item-id={item.id}>
                <td className={styles.nowrap}>{item.displayId}</td>
                <td>{item.title[locale]}</td>
                <td className={styles.nowrap}>{item.conformity ? s.conformity[item.conformity] : item.borrowedCoverage?.length ? s.borrowedConformity : s.noConformityYet}</td>
                <td className={styles.nowrap}>{withAssessment ? statusLabel(s, state?.status ?? 'unchecked') : EMPTY}</td>
                <td>{state?.owner ?? EMPTY}</td>
                <td className={styles.nowrap}>{targetDateText(s, state, today)}</td>
                <td className={styles.nowrap}>{state?.checkedDate ?? EMPTY}</td>
              </tr>
            );
          })}
        </tbody>
      ))}
    </table>
  );
}

function Detail({ groups, reference, locale, stateOf }: PartProps) {
  const s = useStrings();
  const styles = useStyles();
  const today = localToday();
  // Every document the printed items cite, once, in number order.
  const cited = useMemo(() => {
    const numbers = new Set(groups.flatMap((g) => g.items.flatMap((i) => i.documents)));
    return reference.documents.filter((d) => numbers.has(d.number));
  }, [groups, reference]);
  return (
    <div className={styles.detail}>
      {groups.map((group, g) => (
        <Fragment key={group.section ?? g}>
          {group.section && <h2 className={styles.section}>{sectionTitle(s, reference, group.section, locale)}</h2>}
          {group.items.map((item) => <DetailItem key={item.id} item={item} locale={locale} state={stateOf(item.id)} today={today} documents={reference.documentByNumber} />)}
        </Fragment>
      ))}
      {cited.length > 0 && (
        <section>
          <h2 className={styles.section}>{s.documents}</h2>
          <ol className={styles.documents}>
            {cited.map((d) => <PrintedDocument key={d.number} document={d} locale={locale} />)}
          </ol>
        </section>
      )}
    </div>
  );
}

function DetailItem({ item, locale, state, today, documents }: { item: ItemView; locale: Locale; state: ItemState | undefined; today: string; documents: Map<string, Document> }) {
  const s = useStrings();
  const styles = useStyles();
  const labelled = (label: string, text: string) => (
    <p className={styles.p}><span className={styles.label}>{label}</span>{text}</p>
  );
  const cited = item.documents.filter((n) => documents.has(n)).map((n) => format(s.documentNumber, { number: n }));
  const facts = [
    item.certifications.length ? `${s.certifications}: ${item.certifications.join(s.listSeparator)}` : '',
    cited.length ? `${s.documents}: ${cited.join(s.listSeparator)}` : '',
    item.checkedOn ? format(s.checkedOn, { date: item.checkedOn }) : '',
  ].filter(Boolean);
  const assessment = state && [
    `${s.statusLabel}: ${statusLabel(s, state.status)}`,
    state.owner && `${s.ownerLabel}: ${state.owner}`,
    state.targetDate && `${s.targetDateLabel}: ${targetDateText(s, state, today)}`,
    state.checkedDate && `${s.checkedDateLabel}: ${state.checkedDate}`,
    state.note && `${s.noteLabel}: ${state.note}`,
  ].filter(Boolean).join(' / ');
  return (
    <article className={styles.item} data-item-id={item.id} id={`print-${item.id}`}>
      <h3 className={styles.itemHead}>
        <span>{item.displayId} {item.title[locale]}</span>
        <span className={styles.markers}><ItemMarkers level={item.level} conformity={item.conformity} confidence={item.confidence} borrowed={Boolean(item.borrowedCoverage?.length)} /></span>
      </h3>
      {item.conformity && item.conformityReason && <p className={styles.p}>{format(s.conformityReason, { label: s.conformity[item.conformity], reason: item.conformityReason[locale] })}</p>}
      <p className={styles.p}>
        <span className={styles.label}>{s.requirement}</span>{item.requirement[locale]}
        {item.requirementSource && <span className={styles.source}>{` ${format(s.requirementSource, { detail: item.requirementSource.detail[locale] })}`}</span>}
      </p>
      {item.teams
        ? labelled(s.teamsCoverage, item.teams[locale])
        : labelled(s.borrowedCoverageHeading, item.borrowedCoverage?.length
          ? item.borrowedCoverage.map((c) => `${c.displayId} ${c.title[locale]}${c.conformity ? `（${s.conformity[c.conformity]}）` : ''}`).join(' / ')
          : s.noCoverageYet)}
      {item.actions && (
        <>
          <p className={styles.p}><span className={styles.label}>{s.actions}</span></p>
          <ol className={styles.actions}>{item.actions.map((a, i) => <li key={i}>{a[locale]}</li>)}</ol>
        </>
      )}
      {item.licensing && labelled(s.licensing, item.licensing[locale])}
      {item.review && labelled(s.review, item.review[locale])}
      {(facts.length > 0 || assessment) && (
        <p className={styles.note}>
          {facts.join(s.printFactSeparator)}
          {assessment && <span className={styles.assessment} data-testid="assessment-print">{facts.length ? s.printFactSeparator : ''}<span className={styles.label}>{s.assessmentHeading}</span>{assessment}</span>}
        </p>
      )}
    </article>
  );
}

function PrintedDocument({ document: d, locale }: { document: Document; locale: Locale }) {
  const s = useStrings();
  const styles = useStyles();
  return (
    <li data-document={d.number}>
      <span className={styles.label}>{format(s.documentNumber, { number: d.number })}</span>
      {d.title[locale]}
      {d.url ? <span className={styles.url}>{d.url}</span> : ` ${s.documentUnpublished}`}
    </li>
  );
}
