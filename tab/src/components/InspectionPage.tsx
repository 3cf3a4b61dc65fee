/**
 * The 立入検査 view: the cyber-security checklist inspectors use, row by row
 * in our own words, with the guideline requirements each row points to and
 * the 第5版 items whose Teams coverage answers it (links into the checklist).
 * Fetched when opened; the server's answer is GET /api/checklists.
 */
import { useEffect, useState } from 'react';
import { Link, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { ChecklistsResponse } from '../../../contract/api';
import { itemHash } from '../../../contract/links';
import { fetchChecklists } from '../data/api';
import { format, useStrings, type Locale } from '../i18n';
import { NARROW } from '../layout';

type Checklist = ChecklistsResponse['checklists'][number];
type State = { status: 'loading' } | { status: 'ready'; checklists: Checklist[] } | { status: 'error'; message: string };

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalL },
  note: { margin: 0, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, backgroundColor: tokens.colorNeutralBackground2, borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteMarigoldBorderActive}`, borderRadius: tokens.borderRadiusMedium, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase400 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  group: { margin: `${tokens.spacingVerticalM} 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  row: {
    display: 'grid', gap: tokens.spacingVerticalXXS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, boxShadow: tokens.shadow2, minWidth: 0,
    [NARROW]: { padding: tokens.spacingVerticalS },
    '@media print': { boxShadow: 'none', breakInside: 'avoid' },
  },
  title: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  text: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase400 },
  small: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground2 },
  marker: { marginLeft: tokens.spacingHorizontalXS, padding: `0 ${tokens.spacingHorizontalXS}`, borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorPaletteYellowBackground1, fontSize: tokens.fontSizeBase200 },
});

export function InspectionPage({ locale }: { locale: Locale }) {
  const s = useStrings();
  const styles = useStyles();
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    fetchChecklists(controller.signal).then(
      (res) => setState({ status: 'ready', checklists: res.checklists }),
      (err: Error) => { if (!controller.signal.aborted) setState({ status: 'error', message: err.message }); },
    );
    return () => controller.abort();
  }, []);

  if (state.status === 'loading') return <Spinner label={s.loading} />;
  if (state.status === 'error') return <p role="alert">{format(s.inspectionLoadError, { message: state.message })}</p>;
  return (
    <div className={styles.root} data-testid="inspection">
      {state.checklists.map((c) => (
        <section key={c.id} className={styles.root} aria-labelledby={`checklist-${c.id}`}>
          <h2 id={`checklist-${c.id}`} className={styles.heading}>{c.title[locale]}</h2>
          <p className={styles.note}>{c.note[locale]}</p>
          {(['institution', 'vendor'] as const).map((sheet) => {
            const rows = c.rows.filter((r) => r.sheet === sheet);
            if (rows.length === 0) return null;
            return (
              <section key={sheet} aria-label={s.inspectionSheet[sheet]}>
                <h3 className={styles.heading}>{s.inspectionSheet[sheet]}</h3>
                <ol className={styles.list}>
                  {rows.map((r, i) => (
                    <li key={r.id} className={styles.row} data-checklist-row={r.id}>
                      {(i === 0 || rows[i - 1].group.ja !== r.group.ja) && <p className={styles.group}>{r.group[locale]}</p>}
                      <p className={styles.title}>
                        {`${r.number} ${r.title[locale]}`}
                        {r.basis !== 'read' && <span className={styles.marker} title={s.inspectionBasis[r.basis]}>{s.inspectionBasisShort}</span>}
                      </p>
                      <p className={styles.text}>{r.summary[locale]}</p>
                      {r.refs.length > 0 && (
                        <p className={styles.small} data-testid="checklist-refs">
                          {s.inspectionRefs}{' '}
                          {r.refs.map((ref, k) => (
                            <span key={ref.raw}>
                              {k > 0 && s.listSeparator}
                              {ref.item ? <Link href={itemHash(ref.item.ref)}>{`${ref.item.displayId} ${ref.item.title[locale]}`}</Link>
                                : ref.section ? `${ref.section.title[locale]}` : ref.raw}
                              {ref.inferred && s.inspectionInferred}
                            </span>
                          ))}
                        </p>
                      )}
                      <p className={styles.small} data-testid="checklist-answers">
                        {r.answeredBy.length ? (
                          <>
                            {s.inspectionAnsweredBy}{' '}
                            {r.answeredBy.map((a, k) => (
                              <span key={a.ref}>
                                {k > 0 && s.listSeparator}
                                <Link href={itemHash(a.ref)}>{`${a.displayId} ${a.title[locale]}`}</Link>
                                {a.conformity && `（${s.conformity[a.conformity]}）`}
                              </span>
                            ))}
                          </>
                        ) : s.inspectionNoAnswer}
                      </p>
                    </li>
                  ))}
                </ol>
              </section>
            );
          })}
        </section>
      ))}
    </div>
  );
}
